import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { signedToken, verifySignedToken } from '../security/tokens'
import { unsubscribeTokenWith, verifyUnsubscribeTokenWith } from './tokens'

const LINK_KEY = 'link-schlüssel-aus-der-datenbank'
const SECRET = 'geheimnis-für-abmeldungen'
const unsubscribeToken = (id: string | number) => unsubscribeTokenWith(LINK_KEY, id)
const verify = (token: string, keys = [LINK_KEY, SECRET]) => verifyUnsubscribeTokenWith(keys, token)

beforeEach(() => vi.stubEnv('PAYLOAD_SECRET', SECRET))
afterEach(() => vi.unstubAllEnvs())

describe('unsubscribe tokens', () => {
  it('lead back to the subscription they were made for and fit into a link as they are', () => {
    const token = unsubscribeToken(17)
    expect(encodeURIComponent(token)).toBe(token)
    expect(verify(token)).toBe('17')
    expect(verify(unsubscribeToken('65f1c2a9e4b0c3d2a1f00017'))).toBe('65f1c2a9e4b0c3d2a1f00017')
  })

  it('are signed for unsubscribing only', () => {
    expect(verify(signedToken('confirm', 17, LINK_KEY))).toBeNull()
    expect(verify(signedToken('login', 17))).toBeNull()
    expect(verifySignedToken('confirm', unsubscribeToken(17), [LINK_KEY])).toBeNull()
  })

  it('cannot be moved to another subscription or forged without the key', () => {
    const signature = unsubscribeToken(17).split('.')[1]
    expect(verify(`18.${signature}`)).toBeNull()
    expect(verify(`17.${signature}`, ['ein-anderer-schlüssel', SECRET])).toBeNull()
  })

  it('are signed with the link key, not PAYLOAD_SECRET, so a new secret keeps them valid', () => {
    const token = unsubscribeToken(17)
    expect(verify(token, [SECRET])).toBeNull()
    expect(verify(token, [LINK_KEY, 'ein-neues-geheimnis'])).toBe('17')
    // Links from before the link key (signed with the secret) hold while the secret stays.
    expect(verify(signedToken('unsubscribe', 17))).toBe('17')
  })
})
