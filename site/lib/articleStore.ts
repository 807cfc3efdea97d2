import fs from 'node:fs'
import path from 'node:path'
import { z } from 'astro/zod'
import { BUILD_CACHE_DIR, pageKey } from './buildCache'
import { cmsArticle, fetchArticles, fetchArticleStamps } from './cms'
import { eachLimited } from './eachLimited'
import { readingMinutes, renderRichText } from './richtext'

/**
 * The published articles as the pages show them: the CMS's fields, the reading time and the body
 * as HTML (the rich text itself is not kept). Kept between builds in the build cache, and in the
 * memory of the CMS's build process, so a build fetches and renders only the articles whose
 * updatedAt changed. Astro's content layer did this before; it wrote its whole store after every
 * change and bundled it into the pages, 3–4 s of each build at 10,000 articles.
 */
const articleData = cmsArticle
  .omit({ body: true })
  .extend({ readingMinutes: z.number().int().positive() })
const article = z.object({ id: z.string(), data: articleData, html: z.string() })
export type Article = z.infer<typeof article>

const stored = z.object({ updatedAt: z.string(), article })
type Stored = z.infer<typeof stored>
const storeFile = z.object({ code: z.string(), articles: z.array(stored) })

const FILE = path.join(BUILD_CACHE_DIR, 'leuchtturm-articles.json')
const FETCH_CHUNK = 100
/** The code that shapes a stored article: when it changes, every article is fetched again. */
const STORE_CODE = ['site/lib/articleStore.ts', 'site/lib/cms.ts', 'site/lib/richtext.ts']
const codeDigest = () =>
  pageKey(...STORE_CODE.map((file) => fs.readFileSync(path.resolve(file), 'utf8')))

// Process-wide: Astro loads the pages' modules anew for each build.
const MEMORY = Symbol.for('leuchtturm.articleStore')
type Memory = { code: string; byId: Map<string, Stored> }
const slot = globalThis as { [MEMORY]?: Memory }

function load(code: string): Map<string, Stored> {
  const memory = slot[MEMORY]
  if (memory?.code === code) return memory.byId
  try {
    const file = storeFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')))
    if (file.code === code) return new Map(file.articles.map((s) => [s.article.data.id, s]))
  } catch {
    // none yet, or unreadable: every article is fetched
  }
  return new Map()
}

function save(code: string, byId: Map<string, Stored>): void {
  fs.mkdirSync(path.dirname(FILE), { recursive: true })
  const temporary = `${FILE}.${process.pid}.tmp`
  fs.writeFileSync(temporary, JSON.stringify({ code, articles: [...byId.values()] }))
  fs.renameSync(temporary, FILE)
}

/** The published articles now, and how many were fetched (changed since the store saw them). */
export async function syncArticles(): Promise<{ articles: Article[]; fetched: number }> {
  const code = codeDigest()
  const byId = load(code)
  const stamps = await fetchArticleStamps()
  const current = new Set(stamps.map((s) => s.id))
  let removed = 0
  for (const id of byId.keys()) if (!current.has(id) && byId.delete(id)) removed++
  const changed = stamps.filter((s) => byId.get(s.id)?.updatedAt !== s.updatedAt).map((s) => s.id)
  const chunks = Array.from({ length: Math.ceil(changed.length / FETCH_CHUNK) }, (_, i) =>
    changed.slice(i * FETCH_CHUNK, (i + 1) * FETCH_CHUNK),
  )
  // Two requests at a time: the CMS prepares one while the build parses and renders the other.
  await eachLimited(chunks, 2, async (ids) => {
    for (const { body, ...data } of await fetchArticles(ids)) {
      const html = renderRichText(body)
      const shown = { id: data.slug, data: { ...data, readingMinutes: readingMinutes(body) }, html }
      byId.set(data.id, { updatedAt: data.updatedAt, article: shown })
    }
  })
  if (removed + changed.length > 0) save(code, byId)
  slot[MEMORY] = { code, byId }
  return { articles: [...byId.values()].map((s) => s.article), fetched: changed.length }
}
