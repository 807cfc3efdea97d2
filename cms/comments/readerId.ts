import { randomUUID } from 'node:crypto'
import { hashToken } from '../security/tokens'

export const READER_COOKIE = 'lt_reader'
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/

/**
 * Identifies a reader for "one reaction per reader": the island's random token (X-Reader-Token),
 * else the cookie; a reader with neither gets a new cookie. Only a hash is ever stored.
 */
export function readerIdentity(headers: Headers): { hash: string; setCookie?: string } {
  const header = headers.get('x-reader-token')
  if (header && TOKEN.test(header)) return { hash: hashToken(header) }
  const cookie = /(?:^|;\s*)lt_reader=([^;]+)/.exec(headers.get('cookie') ?? '')?.[1]
  if (cookie && TOKEN.test(cookie)) return { hash: hashToken(cookie) }
  const fresh = randomUUID()
  return {
    hash: hashToken(fresh),
    setCookie: `${READER_COOKIE}=${fresh}; Path=/api/public; Max-Age=31536000; HttpOnly; SameSite=Lax`,
  }
}
