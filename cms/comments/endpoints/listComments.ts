import { requestLocale } from '../../http/locale'
import { publicEndpoint } from '../../http/publicEndpoint'
import { HttpError } from '../../http/responses'
import { parseInput } from '../../http/parseInput'
import { listQuery } from '../input'
import { commentText, message } from '../messages'
import { toPublicComment } from '../publicComment'
import { approvedComments, findPublishedArticle } from '../queries'
import { buildThread } from '../thread'
import { countFollowers } from '../../subscriptions/followers'

/** GET /api/public/articles/:slug/comments?sort=newest|oldest|top */
export const listComments = publicEndpoint('get', '/public/articles/:slug/comments', async (req) => {
  const locale = requestLocale(req.headers)
  const query = parseInput(listQuery, { sort: req.searchParams.get('sort') ?? undefined }, commentText(locale))
  if (!query.ok) throw new HttpError(400, query.errors)
  const article = await findPublishedArticle(req.payload, String(req.routeParams?.slug ?? ''))
  if (!article) throw new HttpError(404, [{ field: 'slug', message: message(locale, 'articleNotFound') }])

  const docs = await approvedComments(req.payload, article.id)
  const thread = buildThread(
    docs.map((doc) => ({ comment: toPublicComment(doc), authorKey: (doc.authorEmail || doc.authorName || '').toLowerCase() })),
    query.value.sort,
    await countFollowers(req.payload, article.id),
  )
  return Response.json({ ...thread, commentsOpen: article.commentsOpen !== false }, { headers: { 'cache-control': 'no-store' } })
})
