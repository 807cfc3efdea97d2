import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Loader } from 'astro/loaders'
import { z } from 'astro/zod'
import { pageKey } from './buildCache'
import { cmsArticle, fetchArticles, fetchArticleStamps } from './cms'
import { readingMinutes, renderRichText } from './richtext'

const FETCH_CHUNK = 100

/** The code that shapes a stored article: when it changes, every article is fetched and rendered again. */
const STORE_CODE = ['site/lib/articleLoader.ts', 'site/lib/cms.ts', 'site/lib/richtext.ts']
const codeDigest = (root: URL) =>
  pageKey(...STORE_CODE.map((file) => fs.readFileSync(fileURLToPath(new URL(file, root)), 'utf8')))

/**
 * Astro content loader for the CMS's published articles. The store survives between builds, so
 * an article whose updatedAt (and the code above) is unchanged is neither fetched nor rendered again.
 */
export function cmsArticleLoader(): Loader {
  return {
    name: 'leuchtturm-cms-articles',
    schema: cmsArticle.extend({ readingMinutes: z.number().int().positive() }),
    load: async ({ store, parseData, logger, config }) => {
      const code = codeDigest(config.root)
      const digestOf = (updatedAt: string) => `${updatedAt} ${code}`
      const stamps = await fetchArticleStamps()
      const current = new Map(stamps.map((s) => [s.id, s.updatedAt]))
      const known = new Map(
        store
          .entries()
          .map(([key, entry]) => [String(entry.data.id ?? key), { key, digest: entry.digest }]),
      )

      for (const [id, { key }] of known) if (!current.has(id)) store.delete(key)
      const changed = stamps
        .filter((s) => known.get(s.id)?.digest !== digestOf(s.updatedAt))
        .map((s) => s.id)

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
            digest: digestOf(article.updatedAt),
            rendered: { html: renderRichText(article.body) },
          })
        }
      }
      logger.info(`${stamps.length} published articles, ${changed.length} fetched and rendered`)
    },
  }
}
