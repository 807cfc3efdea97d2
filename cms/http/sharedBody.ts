import { gzipSync } from 'node:zlib'

/**
 * A response body that many requests share (one comment page of one stamp): encoded to bytes
 * once, and gzipped once on first demand. Per request, the server then only copies bytes: it
 * neither converts the string again nor compresses it again (Next.js leaves a body alone that
 * already names its Content-Encoding).
 */
type Bytes = Uint8Array<ArrayBuffer>
export type SharedBody = { readonly bytes: Bytes; gzip?: Bytes }

export const sharedBody = (text: string): SharedBody => ({ bytes: new TextEncoder().encode(text) })

/** Whether the client takes gzip (`Accept-Encoding`, where `gzip;q=0` refuses it). */
export function acceptsGzip(headers: Headers): boolean {
  const header = headers.get('accept-encoding')
  if (!header) return false
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    if (coding !== 'gzip' && coding !== '*') return false
    const q = params.find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

/** A 200 with the shared body, gzipped when the client takes it; `Vary` tells caches why. */
export function sharedBodyResponse(
  body: SharedBody,
  requestHeaders: Headers,
  headers: Record<string, string>,
): Response {
  const vary = { ...headers, vary: 'Accept-Encoding' }
  if (!acceptsGzip(requestHeaders)) return new Response(body.bytes, { headers: vary })
  body.gzip ??= Uint8Array.from(gzipSync(body.bytes))
  return new Response(body.gzip, { headers: { ...vary, 'content-encoding': 'gzip' } })
}
