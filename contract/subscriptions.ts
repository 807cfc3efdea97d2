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

/** 202: `message` is ready to show; confirmed = this address already gets it. */
export interface SubscribeResult {
  status: 'pending' | 'confirmed'
  message: string
}
