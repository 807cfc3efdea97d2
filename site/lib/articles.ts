import slugify from '@sindresorhus/slugify'
import { getCollection, type CollectionEntry } from 'astro:content'
import { articlePath } from '../../contract'

export type Article = CollectionEntry<'articles'>

const time = (a: Article) => (a.data.publishedAt ? Date.parse(a.data.publishedAt) : 0)

/** Published articles, newest first. */
export async function listArticles(): Promise<Article[]> {
  return (await getCollection('articles')).sort((a, b) => time(b) - time(a))
}

export const articleUrl = (a: Article) => articlePath(a.data.slug)
export const tagSlug = (tag: string) => slugify(tag, { locale: 'de' })
export const tagUrl = (tag: string) => `/tags/${tagSlug(tag)}/`

/** The published articles of each tag (by the tag's slug), newest first. */
export async function articlesByTag(): Promise<Map<string, { tag: string; articles: Article[] }>> {
  const byTag = new Map<string, { tag: string; articles: Article[] }>()
  for (const article of await listArticles())
    for (const tag of article.data.tags ?? []) {
      const entry = byTag.get(tagSlug(tag)) ?? { tag, articles: [] as Article[] }
      entry.articles.push(article)
      byTag.set(tagSlug(tag), entry)
    }
  return byTag
}
