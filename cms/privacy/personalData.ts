import type { Payload, PayloadRequest, Where } from 'payload'
import { commentAnchor } from '../../contract'
import type {
  Comment,
  CommentReaction,
  DigestItem,
  EmailDelivery,
  RateLimit,
  Subscription,
} from '../payload-types'
import { addressMatch } from './addressMatch'
import { keyedHash, lookupKeys } from '../security/privacyKeys'
import { addressPseudonym } from '../security/pseudonyms'

/** How the editors' notices link a comment (cms/config/urls adminDocUrl, without the host). */
const adminCommentPath = (id: string | number): string => `/admin/collections/comments/${id}`

/**
 * Everything the database holds about one mailbox (normalizeEmail), found by the address:
 * - comments whose author address is the mailbox's (however it was typed),
 * - subscriptions of the mailbox and the digest items held for them,
 * - reactions: readers vote anonymously (a hash of a random reader token and a keyed hash of the
 *   client address, never an email), so the reactions a person gave cannot be tied to the address.
 *   "Its reactions" are the ones stored on its comments: the only reaction rows the database links
 *   to the address,
 * - outbox rows sent to the mailbox, and the rows that copy its comments into other people's
 *   emails (the comment's fan-out, digests and the editors' notices that quote it),
 * - the per-email rate-limit counters of the shared store (RATE_LIMIT_STORE=database), which are
 *   keyed by a hash under the day's key (found under today's and yesterday's),
 * - and rows retention already pseudonymised (unsubscribed, old outbox rows): by the address's
 *   pseudonym.
 */
export type PersonalData = {
  mailbox: string
  comments: Comment[]
  subscriptions: Subscription[]
  digestItems: DigestItem[]
  reactions: CommentReaction[]
  emails: EmailDelivery[]
  emailsAboutComments: EmailDelivery[]
  rateLimits: RateLimit[]
}

export async function findPersonalData(
  payload: Payload,
  email: string,
  req?: PayloadRequest,
): Promise<PersonalData> {
  const address = addressMatch(email)
  const keys = await lookupKeys(payload)
  const pseudonym = keys.pseudonym ? addressPseudonym(keys.pseudonym, email) : null
  const orPseudonym = (field: string, where: Where): Where =>
    pseudonym ? { or: [where, { [field]: { equals: pseudonym } }] } : where
  const all = { pagination: false, depth: 0, overrideAccess: true, req } as const
  const byIds = (field: string, ids: (string | number)[]): Where => ({ [field]: { in: ids } })

  const comments = (
    await payload.find({ ...all, collection: 'comments', where: address.where('authorEmail') })
  ).docs.filter((c) => address.matches(c.authorEmail))
  const subscriptions = (
    await payload.find({
      ...all,
      collection: 'subscriptions',
      where: orPseudonym('email', address.where('email')),
    })
  ).docs.filter((s) => address.matches(s.email) || s.email === pseudonym)
  const commentIds = comments.map((c) => c.id)
  const subscriptionIds = subscriptions.map((s) => s.id)

  const digestItems = subscriptionIds.length
    ? (
        await payload.find({
          ...all,
          collection: 'digest-items',
          where: byIds('subscription', subscriptionIds),
        })
      ).docs
    : []
  const reactions = commentIds.length
    ? (
        await payload.find({
          ...all,
          collection: 'comment-reactions',
          where: byIds('comment', commentIds),
        })
      ).docs
    : []
  const emails = (
    await payload.find({
      ...all,
      collection: 'email-deliveries',
      where: orPseudonym('recipientKey', { recipientKey: { equals: address.mailbox } }),
    })
  ).docs
  const emailsAboutComments = commentIds.length
    ? await findEmailsAbout(payload, commentIds, req, new Set(emails.map((e) => e.id)))
    : []
  // consumeRateLimit's counter key: `<limit>.<seconds>:<hash of "email:<mailbox>">` (emailLimitKey).
  const counterHashes = keys.days.map((key) => keyedHash(key, `email:${address.mailbox}`))
  const rateLimits = counterHashes.length
    ? (
        await payload.find({
          ...all,
          collection: 'rate-limits',
          where: { or: counterHashes.map((hash) => ({ key: { contains: `:${hash}` } })) },
        })
      ).docs.filter((r) => counterHashes.some((hash) => r.key.endsWith(`:${hash}`)))
    : []

  return {
    mailbox: address.mailbox,
    comments,
    subscriptions,
    digestItems,
    reactions,
    emails,
    emailsAboutComments,
    rateLimits,
  }
}

/**
 * Outbox rows to others that quote these comments: the comment's own fan-out (`comment:<id>`),
 * digests that quote it (they link `#kommentar-<id>`) and the editors' notices (they link the
 * comment in the admin). Found by its links, since a digest or notice lists several comments.
 */
async function findEmailsAbout(
  payload: Payload,
  commentIds: (string | number)[],
  req: PayloadRequest | undefined,
  skip: Set<string | number>,
): Promise<EmailDelivery[]> {
  const ids = new Set(commentIds.map(String))
  const links = commentIds.flatMap((id) => [`#${commentAnchor(id)}`, adminCommentPath(id)])
  const { docs } = await payload.find({
    collection: 'email-deliveries',
    where: {
      or: [
        { eventKey: { in: commentIds.map((id) => `comment:${id}`) } },
        ...links.map((link) => ({ text: { contains: link } })),
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  // `contains` also finds kommentar-12 for 1: only whole ids count.
  const linked = new RegExp(`(?:#${commentAnchor('')}|${adminCommentPath('')})([A-Za-z0-9]+)`, 'g')
  return docs.filter(
    (row) =>
      !skip.has(row.id) &&
      ((row.eventKey.startsWith('comment:') && ids.has(row.eventKey.slice('comment:'.length))) ||
        [...row.text.matchAll(linked)].some(([, id]) => ids.has(id!))),
  )
}
