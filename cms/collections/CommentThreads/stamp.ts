import { randomUUID } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'

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

/**
 * Gives the article's comment answer a new stamp, within the request's transaction. A fresh random
 * value, not a counter: two concurrent changes can never leave the same stamp behind.
 */
export async function bumpThreadStamp(req: PayloadRequest, articleId: ArticleId): Promise<void> {
  const { payload } = req
  const stamp = randomUUID()
  const where = { article: { equals: articleId } }
  const updated = await payload.update({
    collection: 'comment-threads',
    depth: 0,
    where,
    data: { stamp },
    overrideAccess: true,
    req,
  })
  if (updated.docs.length === 0) {
    try {
      await payload.create({
        collection: 'comment-threads',
        depth: 0,
        data: { article: articleId as number, stamp },
        overrideAccess: true,
        req,
      })
    } catch {
      // Another request created the row just now (unique article): stamp it again.
      await payload.update({
        collection: 'comment-threads',
        depth: 0,
        where,
        data: { stamp },
        overrideAccess: true,
        req,
      })
    }
  }
  for (const listener of listeners) listener(String(articleId))
}
