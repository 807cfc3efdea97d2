import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { payloadSecret } from '../config/secret'

/** A random secret for a link or an author; only its hash is ever stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Constant-time check of a presented token against the stored hash. */
export function tokenMatches(token: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false
  const presented = Buffer.from(hashToken(token), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

const sign = (key: string, purpose: string, id: string) =>
  createHmac('sha256', key).update(`${purpose}:${id}`).digest('base64url')

/**
 * A token that needs no storage: the id, HMAC-signed for one purpose with `key` (the server
 * secret unless given; links sent by email use their own key, cms/security/linkKey.ts).
 */
export const signedToken = (
  purpose: string,
  id: string | number,
  key: string = payloadSecret(),
): string => `${id}.${sign(key, purpose, String(id))}`

/**
 * The id a signed token was made for (for this purpose, under one of `keys`), or null; compared
 * in constant time.
 */
export function verifySignedToken(
  purpose: string,
  token: string,
  keys: readonly string[] = [payloadSecret()],
): string | null {
  const [id, signature, ...rest] = token.split('.')
  if (!id || !signature || rest.length > 0 || !/^[A-Za-z0-9-]{1,64}$/.test(id)) return null
  const given = Buffer.from(signature)
  const matches = (key: string) => {
    const expected = Buffer.from(sign(key, purpose, id))
    return expected.length === given.length && timingSafeEqual(expected, given)
  }
  return keys.some(matches) ? id : null
}
