import type { Endpoint, PayloadRequest } from 'payload'
import { requestLocale } from '../http/locale'
import { parseInput } from '../http/parseInput'
import { errorResponse } from '../http/responses'
import { message, translator } from '../i18n/messages'
import { erasePersonalData } from './erase'
import { exportPersonalData } from './export'
import { privacyInput } from './input'

/**
 * POST /api/privacy/export and /api/privacy/erase with `{ "email": … }`: editors only (the admin's
 * "Datenschutz" box on the dashboard). Not under /api/public/, so CORS gives them nothing.
 */
const privacyEndpoint = (
  action: 'export' | 'erase',
  run: (req: PayloadRequest, email: string) => Promise<unknown>,
): Endpoint => ({
  method: 'post',
  path: `/privacy/${action}`,
  handler: async (req) => {
    const locale = requestLocale(req.headers)
    if (!req.user)
      return errorResponse(401, [
        { field: 'authorization', message: message(locale, 'editorsOnly') },
      ])
    const body: unknown = await req.json?.().catch(() => null)
    const input = parseInput(privacyInput, body, translator(locale))
    if (!input.ok) return errorResponse(400, input.errors)
    return Response.json(await run(req, input.value.email))
  },
})

export const privacyEndpoints: Endpoint[] = [
  privacyEndpoint('export', (req, email) => exportPersonalData(req.payload, email, req)),
  privacyEndpoint('erase', (req, email) => erasePersonalData(req.payload, email, req)),
]
