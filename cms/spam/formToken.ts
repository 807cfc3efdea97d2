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
