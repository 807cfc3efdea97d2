import { normalizeEmail } from '../utilities/normalizeEmail'
import { keyedHash, redactedAddress } from './privacyKeys'

/**
 * What is kept of an address once it is redacted: a keyed hash of its mailbox (normalizeEmail),
 * shaped like an address. The same address always gives the same pseudonym, so a suppression, an
 * export or an erase by address still finds its rows; without the key it reveals nothing.
 */
export const addressPseudonym = (key: string, email: string): string =>
  redactedAddress(keyedHash(key, `address:${normalizeEmail(email)}`))

/** A redacted subscription's target (address, scope, article): still unique, still findable. */
export const targetPseudonym = (key: string, targetKey: string): string =>
  `redacted:${keyedHash(key, `target:${targetKey}`)}`
