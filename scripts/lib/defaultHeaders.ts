import type http from 'node:http'
import type { HeaderSet } from '../../contract'

/**
 * Adds `headers` to the response when it is written, each only where the handler did not set that
 * header itself (so a page's own stricter CSP wins). Set at write time, not now: Next.js does not
 * copy a route's header onto a response that already has it.
 */
export function addHeadersOnWrite(res: http.ServerResponse, headers: HeaderSet): void {
  const writeHead = res.writeHead
  // writeHead(status, headers?) or writeHead(status, message, headers?)
  res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(headers))
      if (!this.hasHeader(name) && !args.slice(1).some((given) => namedIn(given, name)))
        this.setHeader(name, value)
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args)
  } as typeof writeHead
}

/** Whether writeHead's own headers (an object or a flat [name, value, …] list) name the header. */
function namedIn(headers: unknown, name: string): boolean {
  if (Array.isArray(headers))
    return headers.some(
      (entry, i) => i % 2 === 0 && String(entry).toLowerCase() === name.toLowerCase(),
    )
  if (headers && typeof headers === 'object')
    return Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase())
  return false
}
