import type { PayloadRequest } from 'payload'
import { message } from '../i18n/messages'
import { requestLocale } from './locale'
import { fieldError } from './responses'

export type ReadBody = { data: Record<string, unknown>; isForm: boolean }

/** Reads a JSON or an HTML form body (urlencoded or multipart) into a plain object. */
export async function readBody(req: PayloadRequest): Promise<ReadBody> {
  const type = req.headers.get('content-type') ?? ''
  try {
    if (
      type.includes('application/x-www-form-urlencoded') ||
      type.includes('multipart/form-data')
    ) {
      const form = await req.formData!()
      return {
        data: Object.fromEntries(
          [...form.entries()].map(([key, value]) => [key, typeof value === 'string' ? value : '']),
        ),
        isForm: true,
      }
    }
    const data: unknown = req.json ? await req.json() : {}
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object')
    return { data: data as Record<string, unknown>, isForm: false }
  } catch {
    throw fieldError(400, 'body', message(requestLocale(req.headers), 'requestBodyInvalid'))
  }
}
