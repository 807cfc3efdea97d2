import type { Payload } from 'payload'
import type { Article } from '../payload-types'
import { normalizeEmail } from '../utilities/normalizeEmail'
import { relationId } from '../utilities/relationId'

/**
 * Per article id: distinct confirmed mailboxes (normalised addresses) following its comments
 * (scopes replies and article). One query for all the articles.
 */
export async function countFollowers(
  payload: Payload,
  articleIds: Article['id'][],
): Promise<Map<string, number>> {
  const { docs } = await payload.find({
    collection: 'subscriptions',
    where: {
      and: [
        { article: { in: articleIds } },
        { status: { equals: 'confirmed' } },
        { scope: { in: ['replies', 'article'] } },
      ],
    },
    pagination: false,
    select: { email: true, article: true },
    depth: 0,
    overrideAccess: true,
  })
  const mailboxes = new Map<string, Set<string>>()
  for (const doc of docs) {
    const id = String(relationId(doc.article))
    mailboxes.set(id, (mailboxes.get(id) ?? new Set()).add(normalizeEmail(doc.email)))
  }
  return new Map([...mailboxes].map(([id, set]) => [id, set.size]))
}
