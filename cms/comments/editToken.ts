import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** Authors may edit or delete their comment this long after writing it. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000

export const newEditToken = (): string => randomBytes(32).toString('base64url')

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Constant-time check of a presented token against the stored hash. */
export function tokenMatches(token: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false
  const presented = Buffer.from(hashToken(token), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

export const bearerToken = (headers: Headers): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1]
