import { FORM_TOKEN_MAX_AGE_MS, type CommentsData } from '../../contract'
import { listArticles, type Article } from './articles'
import { pageKey } from './buildCache'
import { emptyComments, fetchBuildStamps, fetchCommentPages } from './cms'
import { CMS_URL, SITE_NAME } from './config'
import { drawInBackground } from '../og/ogCache'
import { takeEarly } from './earlyReads'
import { readPageRecord, writePageRecord, type PageRecord } from './pageRecord'
import { thisBuild } from '../incremental/builds'

/**
 * What this build renders of each published article, and with what. Each article's pages (the
 * article and its comment pages) get a key from everything they show that is not in the code:
 * the article's digest (its updatedAt), its comment stamp, its share count, the form token's
 * period and the CMS address. A page whose key (and code) did not change is kept from the last
 * build instead of rendered (site/incremental/), so only the comments of changed articles are
 * fetched: in bulk, up front.
 */
export type ArticlePlan = {
  article: Article
  key: string
  shares: number
  /** pages of comment threads; page 1 is on the article page */
  commentPages: number
}

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
  const [articles, stamps] = await Promise.all([
    listArticles(),
    takeEarly('stamps') ?? fetchBuildStamps(),
  ])
  const stampOf = new Map(stamps.map((s) => [s.slug, s]))
  // Without a last build to keep pages from, every page is rendered: so its comments are needed.
  const before = thisBuild()?.base ? readPageRecord() : {}
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
  const record: PageRecord = {}
  for (const [slug, { article, key, commentPages }] of plans)
    record[slug] = { key, commentPages, title: article.data.title }
  writePageRecord(record)
  // Sharing images are linked in after rendering (site/og/); drawing the new ones starts now.
  // (Not in `astro dev`, which has no base set and serves them from a route.)
  if (thisBuild())
    drawInBackground(
      articles.map((article) => article.data.title),
      SITE_NAME,
    )
  return plans
}

/**
 * Page `page` of the article's comments. Fetched up front for the changed articles; a page the
 * record called unchanged may still be rendered (the last build failed after the record was
 * written, so the kept pages come from the one before): then this one and the following ones in
 * build order are fetched together.
 */
export async function commentsOf(slug: string, page: number): Promise<CommentsData> {
  if (!fetched.has(slug)) {
    const order = [...(await buildPlan()).keys()]
    const next = order.slice(order.indexOf(slug)).filter((s) => !fetched.has(s))
    for (const [s, pages] of await fetchCommentPages(next.slice(0, 50))) fetched.set(s, pages)
  }
  return fetched.get(slug)?.[page - 1] ?? emptyComments()
}
