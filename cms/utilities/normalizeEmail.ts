import type { SubscriptionScope } from '../../contract'

/** Providers that ignore dots in the local part (and treat both domains as one). */
const DOTLESS_DOMAINS: Record<string, string> = {
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
}

/**
 * The mailbox behind an address, as far as limits are concerned: lower-case, without a plus tag
 * (`anna+1@x.de` -> `anna@x.de`), and for Gmail without dots in the local part. Throttles and the
 * one-row-per-target rule key on this; emails still go to the address as typed.
 */
export function normalizeEmail(email: string): string {
  const address = email.trim().toLowerCase()
  const at = address.lastIndexOf('@')
  if (at <= 0) return address
  let local = address.slice(0, at)
  let domain = address.slice(at + 1)
  const plus = local.indexOf('+')
  if (plus > 0) local = local.slice(0, plus)
  const dotless = DOTLESS_DOMAINS[domain]
  if (dotless) {
    domain = dotless
    local = local.replaceAll('.', '')
  }
  return `${local}@${domain}`
}

/**
 * One subscription per target: the normalised address, the scope and the article. "posts" has no
 * article; the key spells that out, because unique indexes treat a missing article differently
 * (SQLite: every NULL is distinct, MongoDB: all missing values collide).
 */
export const subscriptionTargetKey = (
  email: string,
  scope: SubscriptionScope,
  articleId: string | number | null | undefined,
): string =>
  `${normalizeEmail(email)}|${scope}|${scope === 'posts' || articleId == null ? 'posts' : String(articleId)}`
