import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'
import type { SharedBody } from '../http/sharedBody'
import type { CommentsData, CommentSort, CommentStats, PublicComment } from '../../contract'
import { findPublishedArticles } from '../collections/Articles/queries'
import {
  onThreadStampChange,
  readThreadStamp,
  readThreadStamps,
} from '../collections/CommentThreads/stamp'
import { relationId } from '../utilities/relationId'
import { countFollowers } from '../subscriptions/followers'
import { toPublicComment } from './publicComment'
import { approvedComments } from './queries'
import { buildThread, sortRoots } from './thread'

/** How long a cached thread is served before its stamp is read again: the bound on staleness. */
export const STAMP_CHECK_MS = 250

/** One article's public comments, built once per stamp; pages and sorts are derived from it. */
export type CachedThread = {
  articleId: string
  stamp: string
  commentsOpen: boolean
  stats: CommentStats
  /** the thread roots (with their replies) per sort, sorted on first use */
  roots: Map<CommentSort, PublicComment[]>
  /** the root of every visible comment, for deep links */
  rootOf: Map<string, string>
  /** serialized answers of this stamp, by sort/page/limit */
  answers: Map<string, SharedBody>
}

type Entry = { thread: CachedThread | null; checkedAt: number }

// A few hundred articles at most are read at once; the rest is rebuilt on demand.
const cache = new LRUCache<string, Entry>({ max: 200 })
const inFlight = new Map<string, Promise<Entry>>()
onThreadStampChange((articleId) => {
  for (const entry of cache.values()) if (entry.thread?.articleId === articleId) entry.checkedAt = 0
})

/**
 * The published article's comments, or null when there is no such published article. Reads the
 * database at most every STAMP_CHECK_MS per article (one indexed read of its stamp) and rebuilds
 * only when the stamp moved, so a GET costs the same for 5 or 5,000 comments. Every process on
 * the database sees a change within that bound; the process that made it sees it at once.
 */
export async function cachedThread(payload: Payload, slug: string): Promise<CachedThread | null> {
  const entry = cache.get(slug)
  if (entry && Date.now() - entry.checkedAt < STAMP_CHECK_MS) return entry.thread
  let pending = inFlight.get(slug)
  if (!pending) {
    pending = refresh(payload, slug, entry).finally(() => inFlight.delete(slug))
    inFlight.set(slug, pending)
  }
  return (await pending).thread
}

async function refresh(payload: Payload, slug: string, entry: Entry | undefined): Promise<Entry> {
  const checkedAt = Date.now()
  if (entry?.thread) {
    const stamp = await readThreadStamp(payload, entry.thread.articleId)
    if (stamp === entry.thread.stamp) return remember(slug, { thread: entry.thread, checkedAt })
  }
  const thread = (await buildThreads(payload, [slug])).get(slug) ?? null
  return remember(slug, { thread, checkedAt })
}

const remember = (slug: string, entry: Entry): Entry => (cache.set(slug, entry), entry)

/**
 * The published articles' threads, by slug, with five queries for any number of articles. The
 * stamps are read before the articles and their comments: a change that lands in between moves a
 * stamp again, so the next check rebuilds and nothing is missed.
 */
async function buildThreads(payload: Payload, slugs: string[]): Promise<Map<string, CachedThread>> {
  const found = await findPublishedArticles(payload, slugs)
  if (found.length === 0) return new Map()
  const stamps = await readThreadStamps(
    payload,
    found.map((a) => a.id),
  )
  const articles = await findPublishedArticles(payload, slugs)
  const ids = articles.map((a) => a.id)
  const [docs, followers] = await Promise.all([
    approvedComments(payload, ids),
    countFollowers(payload, ids),
  ])
  const docsOf = new Map<string, typeof docs>()
  for (const doc of docs) {
    const id = String(relationId(doc.article))
    const list = docsOf.get(id)
    if (list) list.push(doc)
    else docsOf.set(id, [doc])
  }
  const threads = new Map<string, CachedThread>()
  for (const article of articles) {
    const id = String(article.id)
    const { comments, stats } = buildThread(
      (docsOf.get(id) ?? []).map((doc) => ({
        comment: toPublicComment(doc),
        authorKey: (doc.authorEmail || doc.authorName || '').toLowerCase(),
      })),
      'oldest',
      followers.get(id) ?? 0,
    )
    const rootOf = new Map<string, string>()
    const walk = (root: string, list: PublicComment[]) =>
      list.forEach((c) => (rootOf.set(c.id, root), walk(root, c.replies)))
    for (const root of comments) walk(root.id, [root])
    threads.set(article.slug, {
      articleId: id,
      stamp: stamps.get(id) ?? '',
      commentsOpen: article.commentsOpen !== false,
      stats,
      roots: new Map([['oldest', comments]]),
      rootOf,
      answers: new Map(),
    })
  }
  return threads
}

/**
 * Many articles' threads at once (the static build's bulk read): cached ones whose stamp did not
 * move are reused, the others built together and cached.
 */
export async function cachedThreads(
  payload: Payload,
  slugs: string[],
): Promise<Map<string, CachedThread>> {
  const threads = new Map<string, CachedThread>()
  const fresh = (slug: string) => {
    const entry = cache.get(slug)
    return entry?.thread && Date.now() - entry.checkedAt < STAMP_CHECK_MS ? entry.thread : null
  }
  const missing: string[] = []
  for (const slug of slugs) {
    const thread = fresh(slug)
    if (thread) threads.set(slug, thread)
    else missing.push(slug)
  }
  const checkedAt = Date.now()
  const built = await buildThreads(payload, missing)
  for (const slug of missing) {
    const thread = built.get(slug) ?? null
    remember(slug, { thread, checkedAt })
    if (thread) threads.set(slug, thread)
  }
  return threads
}

/** The thread's roots in the given order. */
export function rootsBy(thread: CachedThread, sort: CommentSort): PublicComment[] {
  let roots = thread.roots.get(sort)
  if (!roots) thread.roots.set(sort, (roots = sortRoots(thread.roots.get('oldest') ?? [], sort)))
  return roots
}

/** The page (1-based) whose threads hold this comment, in this order; null when it is not public. */
export function pageHolding(
  thread: CachedThread,
  sort: CommentSort,
  limit: number,
  commentId: string,
): number | null {
  const root = thread.rootOf.get(commentId)
  if (!root) return null
  return Math.floor(rootsBy(thread, sort).findIndex((r) => r.id === root) / limit) + 1
}

/** One page of the thread's answer, as the public API and the static pages show it. */
export function commentsPage(
  thread: CachedThread,
  sort: CommentSort,
  page: number,
  limit: number,
): CommentsData {
  const roots = rootsBy(thread, sort)
  return {
    stats: thread.stats,
    comments: roots.slice((page - 1) * limit, page * limit),
    commentsOpen: thread.commentsOpen,
    pagination: {
      page,
      limit,
      totalThreads: roots.length,
      totalPages: Math.max(1, Math.ceil(roots.length / limit)),
    },
  }
}
