import type { Payload, PayloadRequest } from 'payload'
import { bodyHash } from '../collections/Comments/hooks/hashBody'
import type { ModerationPolicy } from '../globals/CommentSettings'
import type { Article, Comment } from '../payload-types'

/** Reads the comment endpoints and jobs need; all with access overridden, after their own checks. */

/** The approved comments of these articles, in one query. */
export async function approvedComments(
  payload: Payload,
  articleIds: Article['id'][],
): Promise<Comment[]> {
  const { docs } = await payload.find({
    collection: 'comments',
    where: { and: [{ article: { in: articleIds } }, { status: { equals: 'approved' } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs
}

export async function findComment(
  payload: Payload,
  id: string,
  req?: PayloadRequest,
): Promise<Comment | null> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return null
  const { docs } = await payload.find({
    collection: 'comments',
    pagination: false,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return docs[0] ?? null
}

/**
 * all: hold every comment; none: publish; first: publish only when the address is known, that is
 * its owner confirmed it by email (a confirmed subscription of any scope). Typing an address that
 * has approved comments is not enough: anyone can type it.
 */
export async function initialStatus(
  payload: Payload,
  policy: ModerationPolicy,
  email: string,
  req?: PayloadRequest,
): Promise<Comment['status']> {
  if (policy === 'none') return 'approved'
  if (policy === 'all') return 'pending'
  return (await addressConfirmed(payload, email, req)) ? 'approved' : 'pending'
}

/** Whether the owner of this (lower-cased) address confirmed it by email: a confirmed subscription. */
export async function addressConfirmed(
  payload: Payload,
  email: string,
  req?: PayloadRequest,
): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection: 'subscriptions',
    where: { and: [{ email: { equals: email } }, { status: { equals: 'confirmed' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/** How far back the same text on the same article counts as a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000

/** Whether this article got the same text (any author, any status) within DUPLICATE_WINDOW_MS. */
export async function isDuplicate(
  payload: Payload,
  articleId: Article['id'],
  body: string,
  req?: PayloadRequest,
): Promise<boolean> {
  const since = new Date(Date.now() - DUPLICATE_WINDOW_MS).toISOString()
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: {
      and: [
        { article: { equals: articleId } },
        { bodyHash: { equals: bodyHash(body) } },
        { createdAt: { greater_than: since } },
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * Whether any reply hangs below this comment, in any status: a pending reply must stay reachable
 * (an editor may still approve it, and then it shows below its parent's "deleted" placeholder).
 */
export const hasReplies = async (
  payload: Payload,
  id: Comment['id'],
  req?: PayloadRequest,
): Promise<boolean> =>
  (
    await payload.count({
      collection: 'comments',
      where: { parent: { equals: id } },
      overrideAccess: true,
      req,
    })
  ).totalDocs > 0
