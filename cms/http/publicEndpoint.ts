import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'
import { cmsUrl, siteUrl } from '../config/urls'
import { message } from '../i18n/messages'
import { requestLocale } from './locale'
import { CLIENT_LIMITS, limitClient, RateLimited } from './rateLimits'
import { BODY_TYPES, bodyTooLarge, MAX_BODY_BYTES, mediaType, unsupportedType } from './readBody'
import { html } from '../utilities/html'
import { htmlPage } from './htmlPage'
import { errorResponse, fieldError, HttpError, type FieldError } from './responses'

/**
 * A public endpoint: unauthenticated by design, so every handler validates its input itself.
 * Before the handler: a write from a foreign page (Origin neither SITE_URL nor CMS_URL) is 403,
 * a body of another type than JSON or a form is 415, a body announced larger than MAX_BODY_BYTES
 * is 413 (readBody also counts while reading), and the endpoint's per-client rate limit
 * (CLIENT_LIMITS) is counted.
 * An HttpError thrown anywhere becomes the API's JSON error shape, RateLimited a 429 with
 * Retry-After, anything else a 500 without details (logged). CORS: cms/http/cors.ts (SITE_URL may
 * read the answers, without credentials).
 */
export function publicEndpoint(
  method: Endpoint['method'],
  path: string,
  handler: (req: PayloadRequest) => Promise<Response>,
): Endpoint {
  const rateLimit = CLIENT_LIMITS[`${method} ${path}`]
  const wrapped: PayloadHandler = async (req) => {
    try {
      guardRequest(req)
      if (rateLimit) await limitClient(req, rateLimit)
    } catch (error) {
      if (error instanceof HttpError) return refusal(req, error.status, error.errors)
      if (error instanceof RateLimited) return tooMany(req, error)
      return serverError(req, error, method, path)
    }
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.errors)
      if (error instanceof RateLimited) return tooMany(req, error)
      return serverError(req, error, method, path)
    }
  }
  return { method, path, handler: wrapped }
}

/** An unexpected error: logged with its stack, answered 500 without any detail. */
function serverError(req: PayloadRequest, error: unknown, method: string, path: string): Response {
  req.payload.logger.error({ err: error }, `public endpoint ${method} ${path} failed`)
  return errorResponse(500, [
    { field: 'server', message: message(requestLocale(req.headers), 'serverError') },
  ])
}

const tooMany = (req: PayloadRequest, error: RateLimited) =>
  refusal(req, 429, [{ field: error.field, message: error.text }], {
    'retry-after': String(error.retryAfterSeconds),
  })

/**
 * A request refused before its handler ran (or over a limit): the API's JSON error, or for a no-JS
 * form post a short HTML page with the same message and a way back to the site.
 */
function refusal(
  req: PayloadRequest,
  status: number,
  errors: FieldError[],
  headers: Record<string, string> = {},
): Response {
  if (!FORM_TYPES.has(mediaType(req.headers))) return errorResponse(status, errors, headers)
  const locale = requestLocale(req.headers)
  const page = htmlPage({
    status,
    lang: locale,
    title: message(locale, 'requestRefused'),
    body: html`<p class="errors" role="alert">${errors.map((e) => e.message).join(' ')}</p>
<p><a href="${siteUrl()}">${message(locale, 'toWebsite')}</a></p>`,
  })
  for (const [name, value] of Object.entries(headers)) page.headers.set(name, value)
  return page
}

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function guardRequest(req: PayloadRequest): void {
  const method = (req.method ?? 'GET').toUpperCase()
  if (!WRITES.has(method)) return
  const origin = req.headers.get('origin')
  if (origin !== null && origin !== siteUrl() && origin !== cmsUrl())
    throw fieldError(403, 'origin', message(requestLocale(req.headers), 'originForbidden'))
  const length = req.headers.get('content-length')
  const hasBody = (length !== null && length !== '0') || req.headers.has('transfer-encoding')
  if (!hasBody) return
  if (!(BODY_TYPES as readonly string[]).includes(mediaType(req.headers)))
    throw unsupportedType(req.headers)
  if (length !== null && Number(length) > MAX_BODY_BYTES) throw bodyTooLarge(req.headers)
}
