import type { Loader } from 'astro/loaders'
import { z } from 'astro/zod'
import { cmsArticle, fetchArticles, fetchArticleStamps } from './cms'
import { readingMinutes, renderRichText } from './richtext'

const FETCH_CHUNK = 100

/**
 * Astro content loader for the CMS's published articles. The store survives between builds, so
 * an article whose updatedAt is unchanged is neither fetched nor rendered again.
 */
export function cmsArticleLoader(): Loader {
  return {
    name: 'leuchtturm-cms-articles',
    schema: cmsArticle.extend({ readingMinutes: z.number().int().positive() }),
    load: async ({ store, parseData, logger }) => {
      const stamps = await fetchArticleStamps()
      const current = new Map(stamps.map((s) => [s.id, s.updatedAt]))
      const known = new Map(
        store
          .entries()
          .map(([key, entry]) => [String(entry.data.id ?? key), { key, digest: entry.digest }]),
      )

      for (const [id, { key }] of known) if (!current.has(id)) store.delete(key)
      const changed = stamps.filter((s) => known.get(s.id)?.digest !== s.updatedAt).map((s) => s.id)

      for (let i = 0; i < changed.length; i += FETCH_CHUNK) {
        for (const article of await fetchArticles(changed.slice(i, i + FETCH_CHUNK))) {
          const old = known.get(article.id)
          if (old && old.key !== article.slug) store.delete(old.key)
          const data = await parseData({
            id: article.slug,
            data: { ...article, readingMinutes: readingMinutes(article.body) },
          })
          store.set({
            id: article.slug,
            data,
            digest: article.updatedAt,
            rendered: { html: renderRichText(article.body) },
          })
        }
      }
      logger.info(`${stamps.length} published articles, ${changed.length} fetched and rendered`)
    },
  }
}
