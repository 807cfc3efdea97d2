import { clientAddress } from '../http/clientAddress'
import { keyedHash } from '../security/privacyKeys'

/**
 * A keyed hash of the client's address (the connection's, or the forwarded one behind
 * TRUST_PROXY), so one client votes once per comment; the address itself is never stored. The
 * key is the day's (cms/security/privacyKeys.ts dailyKey): the hash links votes of one day only, and
 * retention clears it after 7 days.
 */
export function clientHash(headers: Headers, key: string): string {
  return keyedHash(key, `client:${clientAddress(headers).toLowerCase()}`)
}
