import type { PayloadRequest } from 'payload'
import { message } from '../i18n/messages'
import { requestLocale } from './locale'
import { fieldError } from './responses'

export type ReadBody = { data: Record<string, unknown>; isForm: boolean }

/** The largest body a public endpoint reads; a longer one is 413 before it is parsed. */
export const MAX_BODY_BYTES = 64 * 1024

/** The body types the public API reads: the island's JSON and the no-JS HTML forms. */
export const BODY_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
] as const

/** The media type of a Content-Type header, without parameters: `application/json`. */
export const mediaType = (headers: Headers): string =>
  (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()

export const bodyTooLarge = (headers: Headers) =>
  fieldError(
    413,
    'body',
    message(requestLocale(headers), 'bodyTooLarge', { kilobytes: String(MAX_BODY_BYTES / 1024) }),
  )

export const unsupportedType = (headers: Headers) =>
  fieldError(415, 'body', message(requestLocale(headers), 'contentTypeUnsupported'))

/**
 * Reads a JSON or an HTML form body (urlencoded or multipart) into a plain object: at most
 * MAX_BODY_BYTES, counted while reading (a chunked body has no Content-Length), and only with one
 * of BODY_TYPES (JSON sent as text/plain would skip the browser's CORS preflight).
 */
export async function readBody(req: PayloadRequest): Promise<ReadBody> {
  const type = mediaType(req.headers)
  if (!(BODY_TYPES as readonly string[]).includes(type)) throw unsupportedType(req.headers)
  const bytes = await readCapped(req)
  try {
    if (type !== 'application/json') {
      const form = await new Response(bytes, {
        headers: { 'content-type': req.headers.get('content-type') ?? type },
      }).formData()
      return {
        data: Object.fromEntries(
          [...form.entries()].map(([key, value]) => [key, typeof value === 'string' ? value : '']),
        ),
        isForm: true,
      }
    }
    const data: unknown = bytes.byteLength ? JSON.parse(new TextDecoder().decode(bytes)) : {}
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object')
    return { data: data as Record<string, unknown>, isForm: false }
  } catch {
    throw fieldError(400, 'body', message(requestLocale(req.headers), 'requestBodyInvalid'))
  }
}

/** The body's bytes; stops reading (and cancels the stream) as soon as it is over the cap. */
async function readCapped(req: PayloadRequest): Promise<Uint8Array<ArrayBuffer>> {
  const stream = (req as unknown as Request).body
  if (!stream) return new Uint8Array(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {})
      throw bodyTooLarge(req.headers)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
