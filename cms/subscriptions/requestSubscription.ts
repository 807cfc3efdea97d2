import type { PayloadRequest, Where } from 'payload'
import { CONFIRM_TTL_MS, type SubscriptionScope } from '../../contract'
import { confirmUrl } from '../config/urls'
import { queueEmails } from '../email/queueEmails'
import { confirmationEmail } from '../email/templates/confirmation'
import type { Locale } from '../http/locale'
import { fieldError } from '../http/responses'
import { message } from '../i18n/messages'
import type { PublishedArticle } from '../collections/Articles/queries'
import { newToken } from '../security/tokens'

/** Per address: at most this many confirmation emails a day, and one per target every 10 minutes. */
export const THROTTLE = { perDay: 5, perTargetMs: 10 * 60 * 1000 }

export type SubscriptionRequest = {
  email: string
  scope: SubscriptionScope
  article: PublishedArticle | null
  locale: Locale
  consentText: string
}

/**
 * Double opt-in: records the request and queues one confirmation email. An address already
 * confirmed for this target is not asked again. Throttled, so nobody can mail-bomb a stranger.
 */
export async function requestSubscription(
  req: PayloadRequest,
  request: SubscriptionRequest,
): Promise<'pending' | 'confirmed'> {
  const { payload } = req
  const { email, scope, article, locale } = request
  const target: Where[] = [
    { email: { equals: email } },
    { scope: { equals: scope } },
    article ? { article: { equals: article.id } } : { article: { exists: false } },
  ]
  const existing = (
    await payload.find({
      collection: 'subscriptions',
      where: { and: target },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs[0]
  if (existing?.status === 'confirmed') return 'confirmed'

  const since = (ms: number) => new Date(Date.now() - ms).toISOString()
  const recent = await payload.find({
    collection: 'email-deliveries',
    where: {
      and: [
        { to: { equals: email } },
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
        d.eventKey.startsWith(`confirm:${existing.id}:`) &&
        d.createdAt > since(THROTTLE.perTargetMs),
    )
  if (recent.docs.length >= THROTTLE.perDay || sameTargetRecently) {
    throw fieldError(429, 'email', message(locale, 'throttled'))
  }

  const { token, hash } = newToken()
  const data = {
    email,
    scope,
    article: article?.id ?? null,
    status: 'pending' as const,
    locale,
    consentText: request.consentText,
    consentAt: new Date().toISOString(),
    confirmTokenHash: hash,
    confirmExpiresAt: new Date(Date.now() + CONFIRM_TTL_MS).toISOString(),
    unsubscribedAt: null,
  }
  const subscription = existing
    ? await payload.update({
        collection: 'subscriptions',
        id: existing.id,
        data,
        overrideAccess: true,
        req,
      })
    : await payload.create({ collection: 'subscriptions', data, overrideAccess: true, req })

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
  return 'pending'
}

/** Unconfirmed requests older than 7 days are deleted: no consent, no data. */
export async function purgeExpiredRequests(req: PayloadRequest): Promise<void> {
  await req.payload.delete({
    collection: 'subscriptions',
    where: {
      and: [
        { status: { equals: 'pending' } },
        { confirmExpiresAt: { less_than: new Date().toISOString() } },
      ],
    },
    overrideAccess: true,
    req,
  })
}
