/** The public subscription API (README, "Subscriptions"). */

/** replies: to the reader's own comments; article: every new comment of one article; posts: new articles. */
export const SUBSCRIPTION_SCOPES = ['replies', 'article', 'posts'] as const
export type SubscriptionScope = (typeof SUBSCRIPTION_SCOPES)[number]

/** Unconfirmed requests expire (and are deleted) after this long. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** POST /api/public/subscriptions; `article` is a slug, needed for replies and article. */
export interface SubscribeBody {
  email: string
  scope: SubscriptionScope
  article?: string
  consent: true
  lang?: string
}

/**
 * 202, the same for every address (new, pending, already confirmed, throttled), so nobody can
 * find out who follows what: `message` is ready to show.
 */
export interface SubscribeResult {
  status: 'pending'
  message: string
}
