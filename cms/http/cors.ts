import { FORM_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER } from '../../contract'
import { cmsUrl, siteUrl } from '../config/urls'
import { message } from '../i18n/messages'
import { requestLocale } from './locale'
import { errorResponse } from './responses'

/**
 * The CMS's one CORS policy, applied where every API request passes (the Next.js REST route and
 * the local REST server), instead of Payload's global `cors`, which grants SITE_URL credentialed
 * access to the whole API:
 * - `public`: /api/public/* (comments, reactions, subscriptions, shares), which the comment
 *   island calls: SITE_URL may read the answers, without credentials (readers are identified by
 *   X-Reader-Token, authors by their edit token);
 * - `preview`: GET /api/articles/:id, the draft the site's /vorschau/ page reads with the
 *   editor's login cookie: credentialed, for SITE_URL only;
 * - `none`: everything else, no CORS headers at all. A write from SITE_URL there is refused:
 *   the browser would send the editor's cookie along, and Payload trusts SITE_URL (csrf).
 */
export type CorsKind = 'public' | 'preview' | 'none'

const PUBLIC_PREFIX = '/api/public/'
const PREVIEW_PATH = /^\/api\/articles\/[A-Za-z0-9-]{1,64}\/?$/
const READS = new Set(['GET', 'HEAD'])
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** What the island sends beyond the CORS-safelisted headers, and what it reads of the answers. */
const PUBLIC_METHODS = 'GET, POST, PATCH, DELETE'
const PUBLIC_REQUEST_HEADERS = [
  'Content-Type',
  'Authorization',
  'X-Reader-Token',
  IDEMPOTENCY_KEY_HEADER,
].join(', ')
const EXPOSED_HEADERS = [FORM_TOKEN_HEADER, 'ETag', 'Retry-After'].join(', ')
/** Seconds a browser may reuse a preflight answer (Chromium caps it at 7200). */
const PREFLIGHT_MAX_AGE = '7200'

/** The route kind of a request; `method` is the one to be made (a preflight's requested method). */
export function corsKind(method: string, pathname: string): CorsKind {
  if (pathname.startsWith(PUBLIC_PREFIX)) return 'public'
  if (READS.has(method.toUpperCase()) && PREVIEW_PATH.test(pathname)) return 'preview'
  return 'none'
}

const originOf = (url: string): string => new URL(url).origin

/**
 * The CORS headers of an answer to `origin` on a route of this kind. Allow-Origin only for
 * SITE_URL (so `Vary: Origin`); what public answers expose is said to everyone.
 */
export function corsHeaders(kind: CorsKind, origin: string | null): Record<string, string> {
  if (kind === 'none') return {}
  const headers: Record<string, string> = { Vary: 'Origin' }
  if (kind === 'public') headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS
  if (origin !== originOf(siteUrl())) return headers
  headers['Access-Control-Allow-Origin'] = origin
  if (kind === 'preview') headers['Access-Control-Allow-Credentials'] = 'true'
  return headers
}

/** The answer to a preflight (OPTIONS): 204, with the CORS headers the route kind allows. */
export function preflight(request: Request): Response {
  const origin = request.headers.get('origin')
  const wanted = request.headers.get('access-control-request-method') ?? 'GET'
  const kind = corsKind(wanted, new URL(request.url).pathname)
  const headers = corsHeaders(kind, origin)
  if (headers['Access-Control-Allow-Origin']) {
    headers['Access-Control-Allow-Methods'] = kind === 'public' ? PUBLIC_METHODS : 'GET'
    headers['Access-Control-Max-Age'] = PREFLIGHT_MAX_AGE
    if (kind === 'public') headers['Access-Control-Allow-Headers'] = PUBLIC_REQUEST_HEADERS
  }
  return new Response(null, { status: 204, headers })
}

/** A write from the site's pages to the non-public API: never the island, maybe a stolen session. */
function isSiteWriteToPrivateApi(request: Request, kind: CorsKind): boolean {
  const site = originOf(siteUrl())
  return (
    kind === 'none' &&
    WRITES.has(request.method.toUpperCase()) &&
    request.headers.get('origin') === site &&
    site !== originOf(cmsUrl())
  )
}

/** Wraps a REST handler (Payload's, for Next.js or a plain fetch server) in the policy above. */
export function withCors<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    if (request.method.toUpperCase() === 'OPTIONS') return preflight(request)
    const kind = corsKind(request.method, new URL(request.url).pathname)
    if (isSiteWriteToPrivateApi(request, kind))
      return errorResponse(403, [
        { field: 'origin', message: message(requestLocale(request.headers), 'originForbidden') },
      ])
    const response = await handler(request, ...args)
    const cors = corsHeaders(kind, request.headers.get('origin'))
    try {
      applyCors(response.headers, cors)
      return response
    } catch {
      // Immutable headers (a fetched answer passed on): the same body in a new answer.
      const copy = new Response(response.body, response)
      applyCors(copy.headers, cors)
      return copy
    }
  }
}

/** Payload adds its own (global) CORS headers to every answer; only ours count. In place: a copy
 * of a large answer's body stream cost measurable throughput. */
function applyCors(headers: Headers, cors: Record<string, string>): void {
  for (const name of [...headers.keys()])
    if (name.startsWith('access-control-')) headers.delete(name)
  for (const [name, value] of Object.entries(cors))
    if (name === 'Vary') headers.append(name, value)
    else headers.set(name, value)
}
