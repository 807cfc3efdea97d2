import { z } from 'zod'
import {
  BUILD_COMMENTS_MAX_SLUGS,
  COMMENT_THREADS_PER_PAGE,
  DEFAULT_SORT,
  type BuildComments,
  type BuildStamps,
} from '../../contract'
import { cachedThreads, commentsPage } from '../comments/threadCache'
import { requestLocale } from '../http/locale'
import { parseInput } from '../http/parseInput'
import { publicEndpoint } from '../http/publicEndpoint'
import { HttpError } from '../http/responses'
import { translator } from '../i18n/messages'
import { relationId } from '../utilities/relationId'

/**
 * The static build's bulk reads (contract/siteBuild.ts). Public: they show only what the article
 * pages show anyway; rate-limited per client as `siteBuild`.
 */

/** GET /api/public/site-build/stamps: three queries, whatever the number of articles. */
export const buildStamps = publicEndpoint('get', '/public/site-build/stamps', async (req) => {
  const { payload } = req
  const all = { pagination: false, depth: 0, overrideAccess: true } as const
  const [articles, threads, shares] = await Promise.all([
    payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      select: { slug: true },
      ...all,
    }),
    payload.find({ collection: 'comment-threads', ...all }),
    payload.find({ collection: 'shares', select: { article: true, count: true }, ...all }),
  ])
  const stampOf = new Map(threads.docs.map((t) => [String(relationId(t.article)), t.stamp]))
  const sharesOf = new Map<string, number>()
  for (const s of shares.docs) {
    const id = String(relationId(s.article))
    sharesOf.set(id, (sharesOf.get(id) ?? 0) + s.count)
  }
  const body: BuildStamps = {
    articles: articles.docs.map((a) => ({
      slug: a.slug,
      comments: stampOf.get(String(a.id)) ?? '',
      shares: sharesOf.get(String(a.id)) ?? 0,
    })),
  }
  return Response.json(body, { headers: { 'cache-control': 'no-store' } })
})

const slugList = z.object({
  slugs: z
    .string()
    .transform((v) => [...new Set(v.split(',').filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(200, 'slugsInvalid'))
        .min(1, 'slugsInvalid')
        .max(BUILD_COMMENTS_MAX_SLUGS, 'slugsInvalid'),
    ),
})

/** GET /api/public/site-build/comments?slugs=a,b: from the same thread cache as the comment API. */
export const buildComments = publicEndpoint('get', '/public/site-build/comments', async (req) => {
  const input = parseInput(
    slugList,
    { slugs: req.searchParams.get('slugs') ?? '' },
    translator(requestLocale(req.headers)),
  )
  if (!input.ok) throw new HttpError(400, input.errors)
  const body: BuildComments = { articles: {} }
  for (const [slug, thread] of await cachedThreads(req.payload, input.value.slugs)) {
    const first = commentsPage(thread, DEFAULT_SORT, 1, COMMENT_THREADS_PER_PAGE)
    const pages = [first]
    for (let page = 2; page <= first.pagination.totalPages; page++)
      pages.push(commentsPage(thread, DEFAULT_SORT, page, COMMENT_THREADS_PER_PAGE))
    body.articles[slug] = { stamp: thread.stamp, pages }
  }
  return Response.json(body, { headers: { 'cache-control': 'no-store' } })
})
