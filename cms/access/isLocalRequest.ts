const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|localhost)$/i

/** An address or host name without port or brackets: `[::1]:3000` -> `::1`, `localhost:3000` -> `localhost`. */
const bare = (value: string): string => {
  const v = value.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v)
  if (bracketed) return bracketed[1]!
  return /^[^:]+:\d+$/.test(v) ? v.slice(0, v.lastIndexOf(':')) : v
}

/**
 * A request from this machine: addressed to a loopback host, and every hop in x-forwarded-for
 * (Next.js sets it to the socket's address when the client sent none) a loopback address. A
 * reverse proxy that forwards from outside adds the outside address, so its requests are not local.
 * Both headers come from the client when the server is exposed without a proxy: this guards a
 * setup step, it is no authentication.
 */
export function isLocalRequest(headers: Headers): boolean {
  const host = headers.get('host')
  const forwarded = headers.get('x-forwarded-for')
  if (!host || !LOOPBACK.test(bare(host))) return false
  if (!forwarded) return false
  return forwarded.split(',').every((hop) => LOOPBACK.test(bare(hop)))
}
