/**
 * A response body that many requests share (one comment page of one stamp), encoded to UTF-8
 * bytes once: per request the server copies bytes instead of converting the string again.
 * Not gzipped here: Next.js drops a route handler's own Content-Encoding (FORBIDDEN_HEADERS in
 * next/dist/server/send-response.js) and compresses itself when the client asks.
 */
export type SharedBody = Uint8Array<ArrayBuffer>

export const sharedBody = (text: string): SharedBody => new TextEncoder().encode(text)
