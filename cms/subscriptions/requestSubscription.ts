import { ValidationError, type Payload, type PayloadRequest } from 'payload'
import { CONFIRM_TTL_MS, currentConsent, type SubscriptionScope } from '../../contract'
import { confirmUrl } from '../config/urls'
import { queueEmails } from '../email/queueEmails'
import { confirmationEmail } from '../email/templates/confirmation'
import type { Locale } from '../http/locale'
import type { PublishedArticle } from '../collections/Articles/queries'
import type { Subscription } from '../payload-types'
import { pseudonymKey } from '../security/privacyKeys'
import { targetPseudonym } from '../security/pseudonyms'
import { newToken } from '../security/tokens'
import { normalizeEmail, subscriptionTargetKey } from '../utilities/normalizeEmail'

/**
 * Per mailbox (normalised address): at most this many confirmation emails a day, and one per
 * target every 10 minutes.
 */
export const THROTTLE = { perDay: 5, perTargetMs: 10 * 60 * 1000 }

export type SubscriptionRequest = {
  /** as typed: the confirmation goes here */
  email: string
  scope: SubscriptionScope
  article: PublishedArticle | null
  locale: Locale
  consentText: string
}

/** What happened; never told to the requester (the public answer is the same for all). */
export type RequestOutcome = 'sent' | 'confirmed' | 'throttled'

// Requests for one mailbox run one after another in this process, so a burst of them sees each
// other's rows and emails (the throttle holds); across processes the unique targetKey still keeps
// one row per target.
const queues = new Map<string, Promise<unknown>>()
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve()
  const run = before.then(work, work)
  const settled = run.catch(() => undefined)
  queues.set(key, settled)
  try {
    return await run
  } finally {
    if (queues.get(key) === settled) queues.delete(key)
  }
}

/**
 * Reads (or, once per database, makes) the key that finds unsubscribed targets, before the
 * request's transaction: made inside it, the key's own write would wait for that transaction.
 */
export const readyForRequests = async (payload: Payload): Promise<void> => {
  await pseudonymKey(payload)
}

/**
 * Double opt-in: records the request on the target's one row (created, or updated when it
 * exists) and queues one confirmation email. A confirmed target is left alone and gets no email;
 * a throttled request changes nothing, so nobody can mail-bomb a stranger.
 */
export function requestSubscription(
  req: PayloadRequest,
  request: SubscriptionRequest,
): Promise<RequestOutcome> {
  return oneAtATime(normalizeEmail(request.email), () => request_(req, request))
}

async function request_(
  req: PayloadRequest,
  request: SubscriptionRequest,
): Promise<RequestOutcome> {
  const { payload } = req
  const { email, scope, article, locale } = request
  const mailbox = normalizeEmail(email)
  const targetKey = subscriptionTargetKey(email, scope, article?.id)
  // An unsubscribed target is kept under its pseudonym (retention): found again, and started over.
  const targetKeys = [targetKey, targetPseudonym(await pseudonymKey(payload), targetKey)]
  const findTarget = async (): Promise<Subscription | undefined> =>
    (
      await payload.find({
        collection: 'subscriptions',
        pagination: false,
        where: { targetKey: { in: targetKeys } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).docs[0]

  let existing = await findTarget()
  if (existing?.status === 'confirmed') return 'confirmed'

  const since = (ms: number) => new Date(Date.now() - ms).toISOString()
  const recent = await payload.find({
    collection: 'email-deliveries',
    where: {
      and: [
        { recipientKey: { equals: mailbox } },
        { kind: { equals: 'confirmation' } },
        { createdAt: { greater_than: since(24 * 60 * 60 * 1000) } },
      ],
    },
    pagination: false,
    select: { eventKey: true, createdAt: true },
    depth: 0,
    overrideAccess: true,
    req,
  })
  // A pending request for the same target is not re-sent within 10 minutes; a new request after unsubscribing is.
  const sameTargetRecently =
    existing?.status === 'pending' &&
    recent.docs.some(
      (d) =>
        d.eventKey.startsWith(`confirm:${existing!.id}:`) &&
        d.createdAt > since(THROTTLE.perTargetMs),
    )
  if (recent.docs.length >= THROTTLE.perDay || sameTargetRecently) return 'throttled'

  const { token, hash } = newToken()
  const data = {
    email,
    scope,
    article: article?.id ?? null,
    status: 'pending' as const,
    locale,
    consentText: request.consentText,
    consentAt: new Date().toISOString(),
    consentVersion: currentConsent('subscription').version,
    confirmTokenHash: hash,
    confirmExpiresAt: new Date(Date.now() + CONFIRM_TTL_MS).toISOString(),
    unsubscribedAt: null,
    redactedAt: null,
  }
  const update = (id: Subscription['id']) =>
    payload.update({ collection: 'subscriptions', id, data, depth: 0, overrideAccess: true, req })
  let subscription: Subscription
  if (existing) subscription = await update(existing.id)
  else {
    try {
      subscription = await payload.create({
        collection: 'subscriptions',
        depth: 0,
        data,
        overrideAccess: true,
        req,
      })
    } catch (error) {
      // Another process created the target in the meantime: the unique index refused a twin.
      if (!(error instanceof ValidationError)) throw error
      existing = await findTarget()
      if (!existing) throw error
      if (existing.status === 'confirmed') return 'confirmed'
      subscription = await update(existing.id)
    }
  }

  const rendered = confirmationEmail({
    locale,
    scope,
    articleTitle: article?.title ?? '',
    url: confirmUrl(token),
    siteName: process.env.SITE_NAME ?? 'Leuchtturm',
  })
  await queueEmails(req, `confirm:${subscription.id}:${Date.now()}`, [
    { to: email, kind: 'confirmation', rendered },
  ])
  return 'sent'
}
