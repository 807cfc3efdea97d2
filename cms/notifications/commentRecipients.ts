import type { PayloadRequest, Where } from 'payload'
import { findComment } from '../comments/queries'
import type { Comment, Subscription } from '../payload-types'
import { normalizeEmail, subscriptionTargetKey } from '../utilities/normalizeEmail'
import { relationId } from '../utilities/relationId'

export type Recipient = { email: string; kind: 'comment' | 'reply'; subscription: Subscription }

/**
 * Who hears of a newly approved comment: confirmed followers of the article, and the confirmed
 * "replies" subscriber whose comment it answers; never its own author; each address once (a
 * reply notice wins over a general one).
 */
export async function commentRecipients(
  req: PayloadRequest,
  comment: Comment,
): Promise<Recipient[]> {
  const articleId = relationId(comment.article)
  const author = comment.authorEmail ? normalizeEmail(comment.authorEmail) : undefined
  const confirmed = (scope: 'article' | 'replies', extra: Where[] = []) =>
    req.payload.find({
      collection: 'subscriptions',
      where: {
        and: [
          { article: { equals: articleId } },
          { scope: { equals: scope } },
          { status: { equals: 'confirmed' } },
          ...extra,
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })

  const recipients = new Map<string, Recipient>()
  const parentId = relationId(comment.parent)
  if (parentId !== null) {
    const parentAuthor = (await findComment(req.payload, String(parentId), req))?.authorEmail
    if (parentAuthor && articleId !== null) {
      // The target's one row, whichever spelling of the address it was last requested with.
      const target = subscriptionTargetKey(parentAuthor, 'replies', articleId)
      for (const subscription of (await confirmed('replies', [{ targetKey: { equals: target } }]))
        .docs) {
        recipients.set(normalizeEmail(subscription.email), {
          email: subscription.email,
          kind: 'reply',
          subscription,
        })
      }
    }
  }
  for (const subscription of (await confirmed('article')).docs) {
    const mailbox = normalizeEmail(subscription.email)
    if (!recipients.has(mailbox))
      recipients.set(mailbox, {
        email: subscription.email,
        kind: 'comment',
        subscription,
      })
  }
  if (author) recipients.delete(author)
  return [...recipients.values()]
}
