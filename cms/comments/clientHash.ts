import { createHmac } from 'node:crypto'
import { payloadSecret } from '../config/secret'
import { clientAddress } from '../http/clientAddress'

/**
 * A keyed hash of the client's address (the connection's, or the forwarded one behind
 * TRUST_PROXY), so one client votes once per comment; the address itself is never stored, and
 * without the server secret the hash cannot be reversed by trying all IPv4s.
 */
export function clientHash(headers: Headers): string {
  return createHmac('sha256', payloadSecret())
    .update(`client:${clientAddress(headers).toLowerCase()}`)
    .digest('hex')
}
