import { requestLocale } from '../../http/locale'
import { publicEndpoint } from '../../http/publicEndpoint'
import { HttpError } from '../../http/responses'
import { listQuery, parseInput } from '../input'
import { message } from '../messages'
import { toPublicComment } from '../publicComment'
import { approvedComments, findPublishedArticle } from '../queries'
import { buildThread } from '../thread'

/** GET /api/public/articles/:slug/comments?sort=newest|oldest|top */
export const listComments = publicEndpoint('get', '/public/articles/:slug/comments', async (req) => {
  const locale = requestLocale(req.headers)
  const query = parseInput(listQuery, { sort: req.searchParams.get('sort') ?? undefined }, locale)
  if (!query.ok) throw new HttpError(400, query.errors)
  const article = await findPublishedArticle(req.payload, String(req.routeParams?.slug ?? ''))
  if (!article) throw new HttpError(404, [{ field: 'slug', message: message(locale, 'articleNotFound') }])

  const docs = await approvedComments(req.payload, article.id)
  const thread = buildThread(
    docs.map((doc) => ({ comment: toPublicComment(doc), authorKey: (doc.authorEmail || doc.authorName || '').toLowerCase() })),
    query.value.sort,
  )
  return Response.json({ ...thread, commentsOpen: article.commentsOpen !== false }, { headers: { 'cache-control': 'no-store' } })
})
