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

// A file per article (a change writes one, not the 60 MB of 10,000), and the digest of the code.
const DIR = path.join(BUILD_CACHE_DIR, 'leuchtturm-articles')
const CODE = path.join(DIR, 'code')
const fileOf = (id: string) => path.join(DIR, `${encodeURIComponent(id)}.json`)
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
  const byId = new Map<string, Stored>()
  if (fs.existsSync(CODE) && fs.readFileSync(CODE, 'utf8') === code) {
    for (const name of fs.readdirSync(DIR).filter((file) => file.endsWith('.json')))
      try {
        const one = stored.parse(JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')))
        byId.set(one.article.data.id, one)
      } catch {
        // unreadable: fetched again
      }
    return byId
  }
  fs.rmSync(DIR, { recursive: true, force: true })
  fs.mkdirSync(DIR, { recursive: true })
  fs.writeFileSync(CODE, code)
  return byId
}

function save(id: string, one: Stored): void {
  const temporary = `${fileOf(id)}.${process.pid}.tmp`
  fs.writeFileSync(temporary, JSON.stringify(one))
  fs.renameSync(temporary, fileOf(id))
}

/** The published articles now, and how many were fetched (changed since the store saw them). */
export async function syncArticles(): Promise<{ articles: Article[]; fetched: number }> {
  const code = codeDigest()
  const byId = load(code)
  const stamps = await fetchArticleStamps()
  const current = new Set(stamps.map((s) => s.id))
  for (const id of byId.keys())
    if (!current.has(id)) {
      byId.delete(id)
      fs.rmSync(fileOf(id), { force: true })
    }
  const changed = stamps.filter((s) => byId.get(s.id)?.updatedAt !== s.updatedAt).map((s) => s.id)
  const chunks = Array.from({ length: Math.ceil(changed.length / FETCH_CHUNK) }, (_, i) =>
    changed.slice(i * FETCH_CHUNK, (i + 1) * FETCH_CHUNK),
  )
  // Two requests at a time: the CMS prepares one while the build parses and renders the other.
  await eachLimited(chunks, 2, async (ids) => {
    for (const { body, ...data } of await fetchArticles(ids)) {
      const html = renderRichText(body)
      const shown = { id: data.slug, data: { ...data, readingMinutes: readingMinutes(body) }, html }
      const one = { updatedAt: data.updatedAt, article: shown }
      byId.set(data.id, one)
      save(data.id, one)
    }
  })
  slot[MEMORY] = { code, byId }
  return { articles: [...byId.values()].map((s) => s.article), fetched: changed.length }
}
