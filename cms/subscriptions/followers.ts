import type { Payload } from 'payload'
import type { Article } from '../payload-types'
import { normalizeEmail } from '../utilities/normalizeEmail'

/** Distinct confirmed mailboxes (normalised addresses) following an article's comments (scopes replies and article). */
export async function countFollowers(payload: Payload, articleId: Article['id']): Promise<number> {
  const { docs } = await payload.find({
    collection: 'subscriptions',
    where: {
      and: [
        { article: { equals: articleId } },
        { status: { equals: 'confirmed' } },
        { scope: { in: ['replies', 'article'] } },
      ],
    },
    pagination: false,
    select: { email: true },
    depth: 0,
    overrideAccess: true,
  })
  return new Set(docs.map((d) => normalizeEmail(d.email))).size
}
