import slugify from '@sindresorhus/slugify'
import { articlePath } from '../../contract'
import { thisBuild } from '../incremental/builds'
import { syncArticles, type Article } from './articleStore'
import { takeEarly } from './earlyReads'

export type { Article }

const time = (a: Article) => (a.data.publishedAt ? Date.parse(a.data.publishedAt) : 0)
const byTime = (a: Article, b: Article) => time(b) - time(a)

// Once per build (Astro loads the pages' modules anew for each): half a dozen routes list them.
// Not in `astro dev`, whose modules outlive the content they listed.
let sorted: Promise<Article[]> | undefined
let tagged: Promise<Map<string, { tag: string; articles: Article[] }>> | undefined

/** Published articles, newest first (shared: do not change the array). */
export function listArticles(): Promise<Article[]> {
  if (!thisBuild()) return syncArticles().then(({ articles }) => articles.sort(byTime))
  sorted ??= (takeEarly('articles') ?? syncArticles()).then(({ articles, fetched }) => {
    console.info(`[leuchtturm:articles] ${articles.length} published articles, ${fetched} fetched`)
    return articles.sort(byTime)
  })
  return sorted
}

export const articleUrl = (a: Article) => articlePath(a.data.slug)
const slugs = new Map<string, string>()
/** A tag's slug (asked for each article of each listing: remembered). */
export function tagSlug(tag: string): string {
  let slug = slugs.get(tag)
  if (slug === undefined) slugs.set(tag, (slug = slugify(tag, { locale: 'de' })))
  return slug
}
export const tagUrl = (tag: string) => `/tags/${tagSlug(tag)}/`

/** The published articles of each tag (by the tag's slug), newest first. */
export const articlesByTag = () => (thisBuild() ? (tagged ??= groupByTag()) : groupByTag())

async function groupByTag(): Promise<Map<string, { tag: string; articles: Article[] }>> {
  const byTag = new Map<string, { tag: string; articles: Article[] }>()
  for (const article of await listArticles())
    for (const tag of article.data.tags ?? []) {
      const entry = byTag.get(tagSlug(tag)) ?? { tag, articles: [] as Article[] }
      entry.articles.push(article)
      byTag.set(tagSlug(tag), entry)
    }
  return byTag
}
