import type { FailureKind } from '../collections/EmailDeliveries'
import type { SendOutcome } from './transport'

/**
 * What a final failure says about its cause: a refused address (`perRecipient`, already split
 * down to that one address), a request refused for the account (other 4xx: key, domain), or an
 * outage (network, 5xx, 429 after every retry).
 */
export function failureKind(outcome: Extract<SendOutcome, { ok: false }>): FailureKind {
  if (outcome.perRecipient) return 'recipient'
  return outcome.permanent ? 'account' : 'outage'
}
