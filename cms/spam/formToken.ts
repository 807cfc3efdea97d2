import { FORM_TOKEN_MAX_AGE_MS, MIN_FILL_MS } from '../../contract'
import { signedToken, verifySignedToken } from '../security/tokens'

const PURPOSE = 'comment-form'

/** A form token: the time (ms) the form was handed out, signed; needs no storage. */
export const mintFormToken = (at: number = Date.now()): string =>
  signedToken(PURPOSE, Math.floor(at))

/** The time a form token was made, or null when it is missing, forged or malformed. */
export function formTokenTime(token: unknown): number | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const id = verifySignedToken(PURPOSE, token)
  if (id === null || !/^\d{1,15}$/.test(id)) return null
  return Number(id)
}

/**
 * What a post's form token says: `missing` (also forged or malformed), `tooFast` (younger than
 * MIN_FILL_MS, or from the future), `expired` (older than FORM_TOKEN_MAX_AGE_MS) or `valid`.
 */
export type FormTokenVerdict = 'valid' | 'missing' | 'tooFast' | 'expired'

export function judgeFormToken(token: unknown, now: number = Date.now()): FormTokenVerdict {
  const shownAt = formTokenTime(token)
  if (shownAt === null) return 'missing'
  const age = now - shownAt
  if (age < MIN_FILL_MS) return 'tooFast'
  return age > FORM_TOKEN_MAX_AGE_MS ? 'expired' : 'valid'
}

/**
 * The token of a no-JS form shown again with its errors: the reader's own (the time the form was
 * first shown still counts), unless it expired. Then a new one dated MIN_FILL_MS back: the
 * reader filled the form once already and may send it again at once.
 */
export function formTokenForRetry(token: unknown, now: number = Date.now()): unknown {
  return judgeFormToken(token, now) === 'expired' ? renewedFormToken(now) : token
}

/** A token for a form the reader already filled in: dated MIN_FILL_MS back, so sending again counts. */
export const renewedFormToken = (now: number = Date.now()): string =>
  mintFormToken(now - MIN_FILL_MS)
