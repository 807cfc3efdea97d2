import { numberSetting } from '../config/numberSetting'

/**
 * The client's address, the key of the per-client rate limits.
 *
 * The CMS's own servers (scripts/cms-server.ts for `npm start` and `npm run dev`,
 * scripts/lib/localCms.ts for tests) append the socket's address to `X-Forwarded-For` like any
 * proxy does, so its last entry is always the peer that connected. With `TRUST_PROXY=<n>` the n
 * proxies closest to the CMS are trusted and the address n entries left of the peer is the
 * client; without it the peer itself is, whatever a client wrote into the header.
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return 'unknown'
  const hops = trustedProxyHops()
  return normalize(entries[Math.max(0, entries.length - 1 - hops)]!)
}

/** How many proxies in front of the CMS append to X-Forwarded-For (TRUST_PROXY, default 0). */
export const trustedProxyHops = (): number => numberSetting('TRUST_PROXY', 0)

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
const normalize = (address: string): string =>
  address.replace(/^::ffff:(?=\d+\.)/, '').toLowerCase()

/** What a server in front of the handler does: the socket's address appended to X-Forwarded-For. */
export function appendForwardedFor(existing: string | null | undefined, peer: string): string {
  return existing?.trim() ? `${existing}, ${peer}` : peer
}
