import { FORM_TOKEN_HEADER, type CommentSort } from '../../../contract'
import { matchesEtag } from '../../http/etag'
import { sharedBody, type SharedBody } from '../../http/sharedBody'
import { requestLocale } from '../../http/locale'
import { parseInput } from '../../http/parseInput'
import { publicEndpoint } from '../../http/publicEndpoint'
import { fieldError, HttpError } from '../../http/responses'
import { message, translator } from '../../i18n/messages'
import { listQuery } from '../input'
import { mintFormToken } from '../../spam/formToken'
import { cachedThread, commentsPage, pageHolding, type CachedThread } from '../threadCache'

/**
 * Browsers revalidate every time (a 304 when nothing changed); a shared cache in front of the CMS
 * answers a burst from one origin answer per second and may keep serving it for one more second
 * while it fetches the next (RFC 5861).
 */
export const COMMENTS_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=1'

/** GET /api/public/articles/:slug/comments?sort=newest|oldest|top&page=1&limit=50 (or &comment=<id>) */
export const listComments = publicEndpoint(
  'get',
  '/public/articles/:slug/comments',
  async (req) => {
    const locale = requestLocale(req.headers)
    const params = Object.fromEntries(
      ['sort', 'page', 'limit', 'comment'].map((key) => [
        key,
        req.searchParams.get(key) ?? undefined,
      ]),
    )
    const query = parseInput(listQuery, params, translator(locale))
    if (!query.ok) throw new HttpError(400, query.errors)
    const thread = await cachedThread(req.payload, String(req.routeParams?.slug ?? ''))
    if (!thread) throw fieldError(404, 'slug', message(locale, 'articleNotFound'))

    const { sort, limit, comment } = query.value
    const page = comment ? pageHolding(thread, sort, limit, comment) : query.value.page
    if (page === null) throw fieldError(404, 'comment', message(locale, 'commentNotFound'))

    const etag = `"${thread.stamp || 'initial'}.${sort}.${page}.${limit}"`
    // A fresh form token in a header: the body is shared by every reader of this stamp.
    const headers = {
      etag,
      'cache-control': COMMENTS_CACHE_CONTROL,
      [FORM_TOKEN_HEADER]: mintFormToken(),
    }
    if (matchesEtag(req.headers, etag)) return new Response(null, { status: 304, headers })
    return new Response(answer(thread, sort, page, limit), {
      headers: { ...headers, 'content-type': 'application/json' },
    })
  },
)

/** Serialized once per stamp, sort and page: later readers get the same bytes. */
function answer(thread: CachedThread, sort: CommentSort, page: number, limit: number): SharedBody {
  const key = `${sort}.${page}.${limit}`
  let body = thread.answers.get(key)
  if (body === undefined)
    thread.answers.set(
      key,
      (body = sharedBody(JSON.stringify(commentsPage(thread, sort, page, limit)))),
    )
  return body
}
