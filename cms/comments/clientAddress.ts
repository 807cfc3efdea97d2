import { createHmac } from 'node:crypto'
import { payloadSecret } from '../config/secret'

/**
 * PLACEHOLDER until cms/http/clientAddress (TRUST_PROXY) lands: the last hop of X-Forwarded-For
 * (what the proxy in front of the CMS saw), else X-Real-IP, else null. Without a proxy a client
 * can send these headers itself; switch to the shared helper once it is merged.
 */
export function clientAddress(headers: Headers): string | null {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  const address = hops.at(-1) ?? headers.get('x-real-ip')?.trim()
  return address ? address.slice(0, 100) : null
}

/**
 * A keyed hash of the client's address, so one client votes once per comment; the address itself
 * is never stored, and without the server secret the hash cannot be reversed by trying all IPv4s.
 */
export function clientHash(headers: Headers): string | null {
  const address = clientAddress(headers)
  return address
    ? createHmac('sha256', payloadSecret()).update(`client:${address.toLowerCase()}`).digest('hex')
    : null
}
