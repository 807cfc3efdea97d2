import { signedToken, verifySignedToken } from '../security/tokens'

/** An unsubscribe token: the subscription id, HMAC-signed with the server secret (nothing stored). */
export const unsubscribeToken = (id: string | number): string => signedToken('unsubscribe', id)

/** The subscription id a token was signed for, or null. */
export const verifyUnsubscribeToken = (token: string): string | null =>
  verifySignedToken('unsubscribe', token)
