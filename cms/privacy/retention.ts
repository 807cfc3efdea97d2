import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'
import { KV_COLLECTION } from '../security/linkKey'
import { DAILY_KEY_PREFIX, pseudonymKey, utcDay } from '../security/privacyKeys'
import { addressPseudonym, targetPseudonym } from '../security/pseudonyms'

const DAY_MS = 24 * 60 * 60 * 1000

/** How long each kind of row lives (days); the privacy page and cms/privacy/inventory.ts say the same. */
export const RETENTION_DAYS = {
  /** unconfirmed subscription requests */
  unconfirmedSubscription: 7,
  /** an email's body, links and recipient after it was sent (or given up) */
  emailContent: 30,
  /** rate-limit counters */
  rateLimitCounter: 7,
  /** the client hash of a reaction */
  reactionClient: 7,
} as const

type Context = { payload: Payload; req: PayloadRequest; now: Date }
/** One rule: does its part, returns how many rows it changed or removed. */
type Rule = (context: Context) => Promise<number>

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString()

/** Counts, then deletes in one statement (bookkeeping rows: no hooks to run). */
async function deleteWhere(
  { payload, req }: Context,
  collection: CollectionSlug,
  where: Where,
): Promise<number> {
  const { totalDocs } = await payload.db.count({ collection, where, req })
  if (totalDocs > 0) await payload.db.deleteMany({ collection, where, req })
  return totalDocs
}

/** Unconfirmed requests end with their confirmation link (7 days): no consent, no data. */
export const deleteUnconfirmedSubscriptions: Rule = (context) => {
  const { now } = context
  return deleteWhere(context, 'subscriptions', {
    and: [
      { status: { equals: 'pending' } },
      {
        or: [
          { confirmExpiresAt: { less_than: now.toISOString() } },
          {
            and: [
              { confirmExpiresAt: { exists: false } },
              { updatedAt: { less_than: daysAgo(now, RETENTION_DAYS.unconfirmedSubscription) } },
            ],
          },
        ],
      },
    ],
  })
}

/**
 * Emails sent (or failed) more than 30 days ago keep only their metadata: kind, subject, status,
 * dates, attempts, failure kind. Body, html, headers (unsubscribe links) and the error text go;
 * the recipient becomes its pseudonym. One statement per recipient.
 */
export const redactOldEmails: Rule = async ({ payload, req, now }) => {
  const { docs } = await payload.db.find<{ id: number | string; to: string }>({
    collection: 'email-deliveries',
    where: {
      and: [
        { status: { in: ['sent', 'failed'] } },
        { createdAt: { less_than: daysAgo(now, RETENTION_DAYS.emailContent) } },
        { redactedAt: { exists: false } },
      ],
    },
    select: { to: true },
    pagination: false,
    req,
  })
  if (docs.length === 0) return 0
  const key = await pseudonymKey(payload)
  const byRecipient = new Map<string, (number | string)[]>()
  for (const row of docs) byRecipient.set(row.to, [...(byRecipient.get(row.to) ?? []), row.id])
  for (const [to, ids] of byRecipient) {
    const pseudonym = addressPseudonym(key, to)
    await payload.db.updateMany({
      collection: 'email-deliveries',
      where: { id: { in: ids } },
      data: {
        to: pseudonym,
        recipientKey: pseudonym,
        text: '',
        html: null,
        headers: null,
        lastError: null,
        redactedAt: now.toISOString(),
      },
      req,
    })
  }
  return docs.length
}

/**
 * Unsubscribed rows keep only a pseudonym of the address and target: the record that this
 * address opted out (and when), without the address. A new request for the target finds the row
 * again (requestSubscription) and starts over with double opt-in.
 */
export const pseudonymizeUnsubscribed: Rule = async ({ payload, req, now }) => {
  const { docs } = await payload.db.find<{
    id: number | string
    email: string
    targetKey?: string
  }>({
    collection: 'subscriptions',
    where: { and: [{ status: { equals: 'unsubscribed' } }, { redactedAt: { exists: false } }] },
    select: { email: true, targetKey: true },
    pagination: false,
    req,
  })
  if (docs.length === 0) return 0
  const key = await pseudonymKey(payload)
  for (const row of docs)
    await payload.db.updateOne({
      collection: 'subscriptions',
      id: row.id,
      data: {
        email: addressPseudonym(key, row.email),
        targetKey: row.targetKey ? targetPseudonym(key, row.targetKey) : null,
        confirmTokenHash: null,
        redactedAt: now.toISOString(),
      },
      returning: false,
      req,
    })
  return docs.length
}

/** Rate-limit counters go when their window ended, and after 7 days whatever their window. */
export const deleteRateLimitCounters: Rule = (context) => {
  const { now } = context
  return deleteWhere(context, 'rate-limits', {
    or: [
      { expiresAt: { less_than: now.toISOString() } },
      { createdAt: { less_than: daysAgo(now, RETENTION_DAYS.rateLimitCounter) } },
    ],
  })
}

/** A reaction keeps its vote; the client hash that kept one vote per client goes after 7 days. */
export const forgetReactionClients: Rule = async ({ payload, req, now }) => {
  const where: Where = {
    and: [
      { clientHash: { exists: true } },
      { createdAt: { less_than: daysAgo(now, RETENTION_DAYS.reactionClient) } },
    ],
  }
  const { totalDocs } = await payload.db.count({ collection: 'comment-reactions', where, req })
  if (totalDocs > 0)
    await payload.db.updateMany({
      collection: 'comment-reactions',
      where,
      data: { clientHash: null },
      req,
    })
  return totalDocs
}

/** Daily keys of past days are deleted (today's and yesterday's stay, for clocks a little apart). */
export const deletePastDailyKeys: Rule = (context) => {
  const { now } = context
  const keep = [utcDay(now), utcDay(new Date(now.getTime() - DAY_MS))]
  return deleteWhere(context, KV_COLLECTION as CollectionSlug, {
    and: [
      { key: { like: DAILY_KEY_PREFIX } },
      { key: { not_in: keep.map((day) => `${DAILY_KEY_PREFIX}${day}`) } },
    ],
  })
}

export const RETENTION_RULES = {
  deleteUnconfirmedSubscriptions,
  redactOldEmails,
  pseudonymizeUnsubscribed,
  deleteRateLimitCounters,
  forgetReactionClients,
  deletePastDailyKeys,
} satisfies Record<string, Rule>

export type RetentionReport = Record<keyof typeof RETENTION_RULES, number>

/**
 * Runs every rule once (the `enforceRetention` task, hourly and at start). The pseudonym key must
 * exist already (resumeJobs makes it at start): made inside a job's transaction, its write would
 * wait for that transaction.
 */
export async function enforceRetention(
  req: PayloadRequest,
  now = new Date(),
): Promise<RetentionReport> {
  const context: Context = { payload: req.payload, req, now }
  const report = {} as RetentionReport
  for (const [name, rule] of Object.entries(RETENTION_RULES))
    report[name as keyof RetentionReport] = await rule(context)
  return report
}
