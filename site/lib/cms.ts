import { z } from 'astro/zod'
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
  language: z.enum(['de', 'en']).default('de'),
  author: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  publishedAt: z.string().nullish(),
  updatedAt: z.string(),
  cover: z.union([media, z.string(), z.number()]).nullish(),
})
export type CmsArticle = z.infer<typeof cmsArticle>

const stamp = z.object({ id: z.union([z.string(), z.number()]).transform(String), updatedAt: z.string() })
export type ArticleStamp = z.infer<typeof stamp>

const list = <T extends z.ZodType>(doc: T) => z.object({ docs: z.array(doc) })

async function getJson(path: string): Promise<unknown> {
  const url = `${CMS_URL}/api/${path}`
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } })
  } catch (error) {
    throw new Error(`CMS not reachable at ${CMS_URL} (${(error as Error).message}). Start it first: npm start`)
  }
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
