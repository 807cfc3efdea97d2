import { z } from 'astro/zod'
import {
  apiPaths,
  BUILD_COMMENTS_MAX_SLUGS,
  COMMENT_THREADS_PER_PAGE,
  DEFAULT_LOCALE,
  LOCALES,
  type BuildComments,
  type BuildStamps,
  type CommentsData,
  type CommentsPagination,
  type CommentStats,
  type FormTokenResult,
  type PublicComment,
} from '../../contract'
import { CMS_URL } from './config'

/**
 * The site's only door to the CMS: public REST reads of published articles. The public read
 * access of `articles` already filters out drafts; the `_status` filter says so again.
 */

const media = z.object({
  url: z.string(),
  alt: z.string().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
})

export const cmsArticle = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string(),
  slug: z.string(),
  excerpt: z.string().nullish(),
  body: z.looseObject({ root: z.looseObject({ children: z.array(z.unknown()) }) }),
  language: z.enum(LOCALES).default(DEFAULT_LOCALE),
  author: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  publishedAt: z.string().nullish(),
  updatedAt: z.string(),
  cover: z.union([media, z.string(), z.number()]).nullish(),
})
export type CmsArticle = z.infer<typeof cmsArticle>

const stamp = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  updatedAt: z.string(),
})
export type ArticleStamp = z.infer<typeof stamp>

const list = <T extends z.ZodType>(doc: T) => z.object({ docs: z.array(doc) })

async function get(url: string): Promise<Response> {
  try {
    return await fetch(url, { headers: { accept: 'application/json' } })
  } catch (error) {
    throw new Error(
      `CMS not reachable at ${CMS_URL} (${(error as Error).message}). Start it first: npm start`,
    )
  }
}

async function getJson(path: string): Promise<unknown> {
  const url = `${CMS_URL}/api/${path}`
  const response = await get(url)
  if (!response.ok) throw new Error(`CMS answered ${response.status} for ${url}`)
  return response.json()
}

const published = 'where[_status][equals]=published&pagination=false'

/** id and updatedAt of every published article: enough to tell what changed since the last build. */
export async function fetchArticleStamps(): Promise<ArticleStamp[]> {
  const data = await getJson(`articles?${published}&select[updatedAt]=true&depth=0`)
  return list(stamp).parse(data).docs
}

/** Full published articles, with cover images resolved; only the given ids. */
export async function fetchArticles(ids: string[]): Promise<CmsArticle[]> {
  if (ids.length === 0) return []
  const query = ids.map((id) => `where[id][in]=${encodeURIComponent(id)}`).join('&')
  const data = await getJson(`articles?${published}&depth=1&${query}`)
  return list(cmsArticle).parse(data).docs
}

/*
 * Comments: the CMS's public comment API (README, "Public comment API"). The types are the
 * contract's; the schemas check at build time that the CMS still answers in that shape.
 */

const id = z.union([z.string(), z.number()]).transform(String)

const count = z.number().int().nonnegative()

export const publicComment: z.ZodType<PublicComment, unknown> = z.lazy(() =>
  z.object({
    id,
    parent: id.nullish().transform((v) => v ?? null),
    depth: z.number().int().positive(),
    author: z
      .object({
        name: z.string(),
        url: z
          .string()
          .nullish()
          .transform((v) => v || null),
      })
      .nullish()
      .transform((v) => v ?? null),
    html: z.string().default(''),
    createdAt: z.string(),
    editedAt: z
      .string()
      .nullish()
      .transform((v) => v ?? null),
    deleted: z.boolean().default(false),
    reactions: z.object({ up: count, down: count }),
    replies: z.array(publicComment).default([]),
  }),
)

export const commentStats: z.ZodType<CommentStats, unknown> = z.object({
  threads: count,
  replies: count,
  authors: count,
  followers: count,
  mostReacted: id.nullish().transform((v) => v ?? null),
  hottestThread: id.nullish().transform((v) => v ?? null),
})

const positive = z.number().int().positive()

export const commentsPagination: z.ZodType<CommentsPagination, unknown> = z.object({
  page: positive,
  limit: positive,
  totalThreads: count,
  totalPages: count,
})

export const commentsData: z.ZodType<CommentsData, unknown> = z.object({
  stats: commentStats,
  comments: z.array(publicComment),
  commentsOpen: z.boolean(),
  pagination: commentsPagination,
})

/** An article without comments; open, as articles are unless an editor closes them. */
export const emptyComments = (): CommentsData => ({
  stats: {
    threads: 0,
    replies: 0,
    authors: 0,
    followers: 0,
    mostReacted: null,
    hottestThread: null,
  },
  comments: [],
  commentsOpen: true,
  pagination: { page: 1, limit: COMMENT_THREADS_PER_PAGE, totalThreads: 0, totalPages: 1 },
})

const buildStamps: z.ZodType<BuildStamps, unknown> = z.object({
  articles: z.array(z.object({ slug: z.string(), comments: z.string(), shares: count })),
})

const buildComments: z.ZodType<BuildComments, unknown> = z.object({
  articles: z.record(
    z.string(),
    z.object({ stamp: z.string(), pages: z.array(commentsData).min(1) }),
  ),
})

/** Reads and checks one of the build's bulk answers; any failure stops the build. */
async function getChecked<T>(path: string, schema: z.ZodType<T, unknown>): Promise<T> {
  const url = `${CMS_URL}${path}`
  const response = await get(url)
  if (!response.ok) throw new Error(`CMS answered ${response.status} for ${url}`)
  const parsed = schema.safeParse(await response.json())
  if (!parsed.success)
    throw new Error(`Unexpected answer from ${url}: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/** Comment stamp and share count of every published article: one request. */
export const fetchBuildStamps = async (): Promise<BuildStamps['articles']> =>
  (await getChecked(apiPaths.buildStamps, buildStamps)).articles

/**
 * Every page of the approved comments (COMMENT_THREADS_PER_PAGE threads each, DEFAULT_SORT, the
 * order the island starts with) of these articles, BUILD_COMMENTS_MAX_SLUGS per request. An
 * article missing from the answer is not public (any more): no comments.
 */
export async function fetchCommentPages(slugs: string[]): Promise<Map<string, CommentsData[]>> {
  const pages = new Map<string, CommentsData[]>()
  for (let i = 0; i < slugs.length; i += BUILD_COMMENTS_MAX_SLUGS) {
    const chunk = slugs.slice(i, i + BUILD_COMMENTS_MAX_SLUGS)
    const query = `slugs=${chunk.map(encodeURIComponent).join(',')}`
    const { articles } = await getChecked(`${apiPaths.buildComments}?${query}`, buildComments)
    for (const slug of chunk) pages.set(slug, articles[slug]?.pages ?? [emptyComments()])
  }
  return pages
}

const formTokenResult: z.ZodType<FormTokenResult, unknown> = z.object({ formToken: z.string() })
let buildFormToken: Promise<string> | undefined

/**
 * The form token of the static comment forms (the no-JS post sends it): one per build, minted by
 * the CMS now, so it is long past MIN_FILL_MS when a reader posts. It expires after
 * FORM_TOKEN_MAX_AGE_MS (the CMS then shows the form again with a fresh one). A build without
 * one would ship forms whose every post lands as spam: a failure stops the build.
 */
export function fetchFormToken(): Promise<string> {
  buildFormToken ??= (async () => {
    const url = `${CMS_URL}${apiPaths.formToken}`
    const response = await get(url)
    if (!response.ok) throw new Error(`CMS answered ${response.status} for ${url}`)
    return formTokenResult.parse(await response.json()).formToken
  })()
  buildFormToken.catch(() => (buildFormToken = undefined))
  return buildFormToken
}
