import type { Payload } from 'payload'
import { payloadSecret } from '../config/secret'
import { linkKey } from '../security/linkKey'
import { signedToken, verifySignedToken } from '../security/tokens'

const PURPOSE = 'unsubscribe'

/**
 * Unsubscribe tokens: the subscription id, HMAC-signed with the database's link key (nothing
 * stored per link), so links in sent emails outlive a change of PAYLOAD_SECRET. Links signed with
 * PAYLOAD_SECRET (before the link key existed) are still taken while that secret is unchanged.
 */
export const unsubscribeTokenWith = (key: string, id: string | number): string =>
  signedToken(PURPOSE, id, key)

export const verifyUnsubscribeTokenWith = (keys: readonly string[], token: string): string | null =>
  verifySignedToken(PURPOSE, token, keys)

/** A maker of unsubscribe tokens (the key is read once, then tokens are made synchronously). */
export async function unsubscribeTokens(
  payload: Payload,
): Promise<(id: string | number) => string> {
  const key = await linkKey(payload)
  return (id) => unsubscribeTokenWith(key, id)
}

/** The subscription id a token was signed for, or null. */
export const verifyUnsubscribeToken = async (
  payload: Payload,
  token: string,
): Promise<string | null> =>
  verifyUnsubscribeTokenWith([await linkKey(payload), payloadSecret()], token)
