import { randomUUID } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '../../utilities/relationId'

type ArticleId = string | number
const listeners = new Set<(articleId: string) => void>()

/** Tells this process's caches at once; other processes notice the new stamp on their next check. */
export const onThreadStampChange = (listener: (articleId: string) => void): void =>
  void listeners.add(listener)

/** The article's current stamp ('' before its first change). One indexed read, no hooks. */
export async function readThreadStamp(payload: Payload, articleId: ArticleId): Promise<string> {
  const row = await payload.db.findOne<{ id: ArticleId; stamp: string }>({
    collection: 'comment-threads',
    where: { article: { equals: articleId } },
  })
  return row?.stamp ?? ''
}

/** The stamps of these articles by id (missing: '' ), in one read. */
export async function readThreadStamps(
  payload: Payload,
  articleIds: ArticleId[],
): Promise<Map<string, string>> {
  const { docs } = await payload.find({
    collection: 'comment-threads',
    where: { article: { in: articleIds } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return new Map(docs.map((row) => [String(relationId(row.article)), row.stamp]))
}

/** Tells this process's caches that the article's answer changed (or the article is gone). */
export const announceThreadChange = (articleId: ArticleId): void => {
  for (const listener of listeners) listener(String(articleId))
}

/**
 * Gives the article's comment answer a new stamp, within the request's transaction. A fresh random
 * value, not a counter: two concurrent changes can never leave the same stamp behind. The adapter's
 * upsert, not a Local API create that may fail on a twin: a failed operation makes Payload roll
 * back the caller's whole transaction, even when the error is caught.
 */
export async function bumpThreadStamp(req: PayloadRequest, articleId: ArticleId): Promise<void> {
  await req.payload.db.upsert({
    collection: 'comment-threads',
    where: { article: { equals: articleId } },
    data: { article: articleId, stamp: randomUUID() },
    req,
    returning: false,
  })
  announceThreadChange(articleId)
}
