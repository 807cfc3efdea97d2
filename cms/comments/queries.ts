import type { Payload, PayloadRequest } from 'payload'
import type { ModerationPolicy } from '../globals/CommentSettings'
import type { Article, Comment } from '../payload-types'

/** Reads the comment endpoints and jobs need; all with access overridden, after their own checks. */

export async function approvedComments(
  payload: Payload,
  articleId: Article['id'],
): Promise<Comment[]> {
  const { docs } = await payload.find({
    collection: 'comments',
    where: { and: [{ article: { equals: articleId } }, { status: { equals: 'approved' } }] },
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
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return docs[0] ?? null
}

/** all: hold every comment; first: hold until the address has one approved comment; none: publish. */
export async function initialStatus(
  payload: Payload,
  policy: ModerationPolicy,
  email: string,
  req?: PayloadRequest,
): Promise<Comment['status']> {
  if (policy === 'none') return 'approved'
  if (policy === 'all') return 'pending'
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: { and: [{ authorEmail: { equals: email } }, { status: { equals: 'approved' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0 ? 'approved' : 'pending'
}

export const hasVisibleReplies = async (
  payload: Payload,
  id: Comment['id'],
  req?: PayloadRequest,
): Promise<boolean> =>
  (
    await payload.count({
      collection: 'comments',
      where: { and: [{ parent: { equals: id } }, { status: { equals: 'approved' } }] },
      overrideAccess: true,
      req,
    })
  ).totalDocs > 0
