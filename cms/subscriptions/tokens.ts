import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { payloadSecret } from '../config/secret'
import { hashToken } from '../comments/editToken'

/** Unconfirmed requests expire after this long. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** A random confirmation token; only its hash is stored. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

const sign = (id: string) => createHmac('sha256', payloadSecret()).update(`unsubscribe:${id}`).digest('base64url')

/** An unsubscribe token: the subscription id, HMAC-signed with the server secret. */
export const unsubscribeToken = (id: string | number): string => `${id}.${sign(String(id))}`

/** The subscription id a token was signed for, or null; compared in constant time. */
export function verifyUnsubscribeToken(token: string): string | null {
  const [id, signature, ...rest] = token.split('.')
  if (!id || !signature || rest.length > 0 || !/^[A-Za-z0-9-]{1,64}$/.test(id)) return null
  const expected = Buffer.from(sign(id))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null
}
