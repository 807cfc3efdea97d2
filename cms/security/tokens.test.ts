import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { newToken, signedToken, tokenMatches, verifySignedToken } from './tokens'

beforeEach(() => vi.stubEnv('PAYLOAD_SECRET', 'erstes-geheimnis-für-tests'))
afterEach(() => vi.unstubAllEnvs())

describe('newToken', () => {
  it('hands out a different, URL-safe token of at least 256 bits every time', () => {
    const tokens = Array.from({ length: 20 }, () => newToken().token)
    expect(new Set(tokens).size).toBe(20)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/)
  })

  it('stores only a hash, which the token it came from matches', () => {
    const { token, hash } = newToken()
    expect(hash).not.toBe(token)
    expect(hash).not.toContain(token)
    expect(tokenMatches(token, hash)).toBe(true)
  })

  it('rejects another token, and any missing or unusable stored hash', () => {
    const mine = newToken()
    const other = newToken()
    expect(tokenMatches(other.token, mine.hash)).toBe(false)
    expect(tokenMatches(mine.hash, mine.hash)).toBe(false)
    for (const stored of [
      null,
      undefined,
      '',
      'not-a-hash',
      'zz'.repeat(32),
      mine.hash.slice(0, 32),
    ]) {
      expect(tokenMatches(mine.token, stored), String(stored)).toBe(false)
    }
  })
})

describe('signedToken', () => {
  it('gives back the id it was signed for, for numeric and string ids', () => {
    expect(verifySignedToken('unsubscribe', signedToken('unsubscribe', 42))).toBe('42')
    expect(
      verifySignedToken('unsubscribe', signedToken('unsubscribe', '65f1c2a9e4b0c3d2a1f00042')),
    ).toBe('65f1c2a9e4b0c3d2a1f00042')
    expect(verifySignedToken('unsubscribe', signedToken('unsubscribe', 'a-b-c'))).toBe('a-b-c')
  })

  it('holds for its own purpose only', () => {
    const token = signedToken('unsubscribe', 42)
    expect(verifySignedToken('confirm', token)).toBeNull()
    expect(verifySignedToken('unsubscribe', signedToken('confirm', 42))).toBeNull()
  })

  it('refuses a token whose id or signature was changed', () => {
    const token = signedToken('unsubscribe', 42)
    const [id, signature = ''] = token.split('.')
    expect(id).toBe('42')
    expect(verifySignedToken('unsubscribe', `43.${signature}`)).toBeNull()
    expect(verifySignedToken('unsubscribe', `142.${signature}`)).toBeNull()
    const flipped = signature.startsWith('A') ? 'B' : 'A'
    expect(verifySignedToken('unsubscribe', `42.${flipped}${signature.slice(1)}`)).toBeNull()
    expect(verifySignedToken('unsubscribe', `42.${signature.slice(0, -1)}`)).toBeNull()
    expect(verifySignedToken('unsubscribe', `42.${signature}A`)).toBeNull()
    // another id's valid signature does not carry over
    expect(
      verifySignedToken('unsubscribe', `42.${signedToken('unsubscribe', 43).split('.')[1]}`),
    ).toBeNull()
  })

  it('refuses extra parts and garbage', () => {
    const token = signedToken('unsubscribe', 42)
    for (const garbage of [
      `${token}.`,
      `${token}.x`,
      `x.${token}`,
      '',
      '.',
      '..',
      '42',
      '42.',
      `.${token.split('.')[1]}`,
      'kein token',
      '42 .abc',
    ]) {
      expect(verifySignedToken('unsubscribe', garbage), garbage).toBeNull()
    }
  })

  it('refuses ids with characters outside letters, digits and dashes, or longer than 64', () => {
    for (const id of ['a.b', 'a_b', '../42', 'a b', 'Größe', '42\n', 'x'.repeat(65)]) {
      expect(
        verifySignedToken('unsubscribe', signedToken('unsubscribe', id)),
        JSON.stringify(id),
      ).toBeNull()
    }
    expect(verifySignedToken('unsubscribe', signedToken('unsubscribe', 'x'.repeat(64)))).toBe(
      'x'.repeat(64),
    )
  })

  it('depends on the server secret: tokens signed under another secret do not verify', () => {
    const token = signedToken('unsubscribe', 42)
    vi.stubEnv('PAYLOAD_SECRET', 'zweites-geheimnis')
    expect(signedToken('unsubscribe', 42)).not.toBe(token)
    expect(verifySignedToken('unsubscribe', token)).toBeNull()
    vi.stubEnv('PAYLOAD_SECRET', 'erstes-geheimnis-für-tests')
    expect(verifySignedToken('unsubscribe', token)).toBe('42')
  })
})
