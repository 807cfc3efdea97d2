import type { CommentsData } from '../../../contract'
import { findPublishedArticle } from '../../collections/Articles/queries'
import { requestLocale } from '../../http/locale'
import { parseInput } from '../../http/parseInput'
import { publicEndpoint } from '../../http/publicEndpoint'
import { fieldError, HttpError } from '../../http/responses'
import { message, translator } from '../../i18n/messages'
import { countFollowers } from '../../subscriptions/followers'
import { listQuery } from '../input'
import { toPublicComment } from '../publicComment'
import { approvedComments } from '../queries'
import { buildThread } from '../thread'

/** GET /api/public/articles/:slug/comments?sort=newest|oldest|top */
export const listComments = publicEndpoint(
  'get',
  '/public/articles/:slug/comments',
  async (req) => {
    const locale = requestLocale(req.headers)
    const query = parseInput(
      listQuery,
      { sort: req.searchParams.get('sort') ?? undefined },
      translator(locale),
    )
    if (!query.ok) throw new HttpError(400, query.errors)
    const article = await findPublishedArticle(req.payload, String(req.routeParams?.slug ?? ''))
    if (!article) throw fieldError(404, 'slug', message(locale, 'articleNotFound'))

    const docs = await approvedComments(req.payload, article.id)
    const thread = buildThread(
      docs.map((doc) => ({
        comment: toPublicComment(doc),
        authorKey: (doc.authorEmail || doc.authorName || '').toLowerCase(),
      })),
      query.value.sort,
      await countFollowers(req.payload, article.id),
    )
    const body: CommentsData = { ...thread, commentsOpen: article.commentsOpen !== false }
    return Response.json(body, { headers: { 'cache-control': 'no-store' } })
  },
)
