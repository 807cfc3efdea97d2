import fs from 'node:fs'
import path from 'node:path'
import { z } from 'astro/zod'
import { FORM_TOKEN_MAX_AGE_MS, type CommentsData } from '../../contract'
import { listArticles, type Article } from './articles'
import { ASTRO_MANIFEST, BUILD_CACHE_DIR, pageKey } from './buildCache'
import { emptyComments, fetchBuildStamps, fetchCommentPages } from './cms'
import { CMS_URL } from './config'

/**
 * What this build renders of each published article, and with what. Each article's pages (the
 * article and its comment pages) get a `cacheKey` from everything they show that is not in the
 * code: the article's digest (its updatedAt), its comment stamp, its share count, the form token's period and
 * the CMS address. Astro copies a page whose key (and code) did not change from the last build
 * instead of rendering it, so only the comments of changed articles are fetched: in bulk, up front.
 */
export type ArticlePlan = {
  article: Article
  key: string
  shares: number
  /** pages of comment threads; page 1 is on the article page */
  commentPages: number
}

const RECORD = path.join(BUILD_CACHE_DIR, 'leuchtturm-pages.json')
const pageRecord = z.record(
  z.string(),
  z.object({ key: z.string(), commentPages: z.number().int().positive() }),
)
type PageRecord = z.infer<typeof pageRecord>

/**
 * The form token baked into the static forms is minted once per build and lives
 * FORM_TOKEN_MAX_AGE_MS; keys change every half of that, so no page keeps an expired token.
 */
export const formTokenPeriod = (now = Date.now()) => Math.floor(now / (FORM_TOKEN_MAX_AGE_MS / 2))

let plan: Promise<Map<string, ArticlePlan>> | undefined
const fetched = new Map<string, CommentsData[]>()

/** Once per build (the article pages and the comment pages share it). */
export const buildPlan = (): Promise<Map<string, ArticlePlan>> => (plan ??= makePlan())

async function makePlan(): Promise<Map<string, ArticlePlan>> {
  const [articles, stamps] = await Promise.all([listArticles(), fetchBuildStamps()])
  const stampOf = new Map(stamps.map((s) => [s.slug, s]))
  const before = readRecord()
  const plans = new Map<string, ArticlePlan>()
  const changed: string[] = []
  for (const article of articles) {
    const { slug } = article.data
    const stamp = stampOf.get(slug)
    const shares = stamp?.shares ?? 0
    const key = pageKey(article.data.updatedAt, stamp?.comments, shares, formTokenPeriod(), CMS_URL)
    const known = before[slug]?.key === key ? before[slug] : undefined
    if (!known) changed.push(slug)
    plans.set(slug, { article, key, shares, commentPages: known?.commentPages ?? 1 })
  }
  for (const [slug, pages] of await fetchCommentPages(changed)) {
    fetched.set(slug, pages)
    plans.get(slug)!.commentPages = pages.length
  }
  writeRecord(plans)
  return plans
}

/**
 * Page `page` of the article's comments. Fetched up front for the changed articles; Astro may
 * still render an article the record called unchanged (its own cache was reset, or the last build
 * failed after the record was written): then this one and the following ones in build order are
 * fetched together.
 */
export async function commentsOf(slug: string, page: number): Promise<CommentsData> {
  if (!fetched.has(slug)) {
    const order = [...(await buildPlan()).keys()]
    const next = order.slice(order.indexOf(slug)).filter((s) => !fetched.has(s))
    for (const [s, pages] of await fetchCommentPages(next.slice(0, 50))) fetched.set(s, pages)
  }
  return fetched.get(slug)?.[page - 1] ?? emptyComments()
}

/** The last build's keys; none when Astro has no finished build to copy pages from. */
function readRecord(): PageRecord {
  try {
    if (!fs.existsSync(ASTRO_MANIFEST)) return {}
    return pageRecord.parse(JSON.parse(fs.readFileSync(RECORD, 'utf8')))
  } catch {
    return {}
  }
}

function writeRecord(plans: Map<string, ArticlePlan>): void {
  const record: PageRecord = {}
  for (const [slug, { key, commentPages }] of plans) record[slug] = { key, commentPages }
  fs.mkdirSync(BUILD_CACHE_DIR, { recursive: true })
  fs.writeFileSync(`${RECORD}.tmp`, JSON.stringify(record))
  fs.renameSync(`${RECORD}.tmp`, RECORD)
}
