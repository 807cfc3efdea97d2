import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { signedToken, verifySignedToken } from '../security/tokens'
import { unsubscribeToken, verifyUnsubscribeToken } from './tokens'

beforeEach(() => vi.stubEnv('PAYLOAD_SECRET', 'geheimnis-für-abmeldungen'))
afterEach(() => vi.unstubAllEnvs())

describe('unsubscribe tokens', () => {
  it('lead back to the subscription they were made for and fit into a link as they are', () => {
    const token = unsubscribeToken(17)
    expect(encodeURIComponent(token)).toBe(token)
    expect(verifyUnsubscribeToken(token)).toBe('17')
    expect(verifyUnsubscribeToken(unsubscribeToken('65f1c2a9e4b0c3d2a1f00017'))).toBe(
      '65f1c2a9e4b0c3d2a1f00017',
    )
  })

  it('are signed for unsubscribing only', () => {
    expect(verifyUnsubscribeToken(signedToken('confirm', 17))).toBeNull()
    expect(verifyUnsubscribeToken(signedToken('login', 17))).toBeNull()
    expect(verifySignedToken('confirm', unsubscribeToken(17))).toBeNull()
  })

  it('cannot be moved to another subscription or forged without the secret', () => {
    const signature = unsubscribeToken(17).split('.')[1]
    expect(verifyUnsubscribeToken(`18.${signature}`)).toBeNull()
    vi.stubEnv('PAYLOAD_SECRET', 'ein-anderes-geheimnis')
    expect(verifyUnsubscribeToken(`17.${signature}`)).toBeNull()
  })
})
