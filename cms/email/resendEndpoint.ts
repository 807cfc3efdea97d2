import type { Endpoint } from 'payload'
import { requestLocale } from '../http/locale'
import { errorResponse } from '../http/responses'
import { message } from '../i18n/messages'
import { queueTask } from '../jobs/queues'
import { resendFailed } from './resendFailed'
import { resendRequest } from './resendRequest'

/**
 * POST /api/email-deliveries/resend, editors only ("Erneut senden" in the admin): `{ ids }` or
 * `{ all: true }`. Failed rows go back to pending and the sender is queued; answers `{ resent }`.
 */
export const resendEndpoint: Endpoint = {
  method: 'post',
  path: '/resend',
  handler: async (req) => {
    const locale = requestLocale(req.headers)
    if (!req.user)
      return errorResponse(401, [
        { field: 'authorization', message: message(locale, 'editorsOnly') },
      ])
    const body: unknown = await req.json?.().catch(() => undefined)
    const parsed = resendRequest.safeParse(body)
    if (!parsed.success)
      return errorResponse(400, [{ field: 'body', message: message(locale, 'requestBodyInvalid') }])
    const resent = await resendFailed(req.payload, parsed.data, req)
    if (resent > 0) await queueTask(req.payload, 'sendEmails', {}, { req })
    return Response.json({ resent })
  },
}
