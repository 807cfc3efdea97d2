import type { Article } from './articles'
import { pageKey } from './buildCache'

/** Articles per page of the home page and of each tag. */
export const LIST_PAGE_SIZE = 20

export type ListPage = {
  /** 1-based */
  number: number
  total: number
  articles: Article[]
  /** the pages before (newer articles) and after (older ones), if any */
  newer?: string
  older?: string
}

/** Page 1 of a listing is `base` itself (`/`, `/tags/x/`), page n is `<base>seite/<n>/`. */
export const listPagePath = (base: string, number: number) =>
  number === 1 ? base : `${base}seite/${number}/`

/**
 * A listing (newest first) cut into pages: a site of 1,000 articles gets a home page of 20, not
 * one that every publish renders again with all 1,000.
 */
export function listPages(articles: Article[], base: string): ListPage[] {
  const total = Math.max(1, Math.ceil(articles.length / LIST_PAGE_SIZE))
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    articles: articles.slice(i * LIST_PAGE_SIZE, (i + 1) * LIST_PAGE_SIZE),
    newer: i > 0 ? listPagePath(base, i) : undefined,
    older: i + 1 < total ? listPagePath(base, i + 2) : undefined,
  }))
}

/**
 * A listing page's cacheKey: it shows each article's title, date, author and excerpt (all of it
 * moves updatedAt) and links its neighbours.
 */
export const listPageKey = (page: ListPage, ...extra: string[]) =>
  pageKey(
    ...extra,
    page.number,
    page.total,
    ...page.articles.flatMap((a) => [a.data.slug, a.data.updatedAt]),
  )
