import { clientAddress } from '../http/clientAddress'
import { keyedHash } from '../privacy/keys'

/**
 * A keyed hash of the client's address (the connection's, or the forwarded one behind
 * TRUST_PROXY), so one client votes once per comment; the address itself is never stored. The
 * key is the day's (cms/privacy/keys.ts dailyKey): the hash links votes of one day only, and
 * retention clears it after 7 days.
 */
export function clientHash(headers: Headers, key: string): string {
  return keyedHash(key, `client:${clientAddress(headers).toLowerCase()}`)
}
