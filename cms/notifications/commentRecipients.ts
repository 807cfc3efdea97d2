import type { PayloadRequest, Where } from 'payload'
import type { Comment, Subscription } from '../payload-types'

export type Recipient = { email: string; kind: 'comment' | 'reply'; subscription: Subscription }

const relId = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * Who hears of a newly approved comment: confirmed followers of the article, and the confirmed
 * "replies" subscriber whose comment it answers; never its own author; each address once (a
 * reply notice wins over a general one).
 */
export async function commentRecipients(req: PayloadRequest, comment: Comment): Promise<Recipient[]> {
  const articleId = relId(comment.article)
  const author = comment.authorEmail?.toLowerCase()
  const confirmed = (scope: 'article' | 'replies', extra: Where[] = []) =>
    req.payload.find({
      collection: 'subscriptions',
      where: { and: [{ article: { equals: articleId } }, { scope: { equals: scope } }, { status: { equals: 'confirmed' } }, ...extra] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })

  const recipients = new Map<string, Recipient>()
  const parentId = relId(comment.parent)
  if (parentId) {
    const parent = (await req.payload.find({ collection: 'comments', where: { id: { equals: parentId } }, limit: 1, depth: 0, overrideAccess: true, req })).docs[0]
    const parentAuthor = parent?.authorEmail?.toLowerCase()
    if (parentAuthor) {
      for (const subscription of (await confirmed('replies', [{ email: { equals: parentAuthor } }])).docs) {
        recipients.set(subscription.email, { email: subscription.email, kind: 'reply', subscription })
      }
    }
  }
  for (const subscription of (await confirmed('article')).docs) {
    if (!recipients.has(subscription.email)) recipients.set(subscription.email, { email: subscription.email, kind: 'comment', subscription })
  }
  if (author) recipients.delete(author)
  return [...recipients.values()]
}
