import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FORM_TOKEN_MAX_AGE_MS, MIN_FILL_MS } from '../../contract'
import { mintFormToken } from './formToken'
import { linksIn, parseBlocklist, spamReason, type SpamCandidate } from './spamCheck'

beforeEach(() => vi.stubEnv('PAYLOAD_SECRET', 'geheimnis-für-spam-tests'))
afterEach(() => vi.unstubAllEnvs())

const NOW = 1_800_000_000_000
const rules = {
  maxLinks: 2,
  blocklist: parseBlocklist('Viagra\nspam@example.com\nwerbung.example'),
}
const candidate = (extra: Partial<SpamCandidate> = {}): SpamCandidate => ({
  name: 'Gerda',
  email: 'gerda@example.de',
  body: 'Ein guter Beitrag.',
  formToken: mintFormToken(NOW - 10_000),
  ...extra,
})
const reason = (extra: Partial<SpamCandidate> = {}) => spamReason(candidate(extra), rules, NOW)

describe('spamReason', () => {
  it('lets a patient, plain comment through', () => {
    expect(reason()).toBeNull()
    expect(reason({ homepage: '' })).toBeNull()
    expect(reason({ formToken: mintFormToken(NOW - MIN_FILL_MS) })).toBeNull()
  })

  it('catches the honeypot, a missing or forged token and a fast post', () => {
    expect(reason({ homepage: 'https://bot.example' })).toBe('honeypot')
    expect(reason({ homepage: ['x'] })).toBe('honeypot')
    expect(reason({ formToken: undefined })).toBe('tokenMissing')
    expect(reason({ formToken: 'kaputt' })).toBe('tokenMissing')
    expect(reason({ formToken: mintFormToken(NOW - MIN_FILL_MS + 1) })).toBe('tooFast')
    // A token from the future (clock skew between CMS processes is small) is too fast as well.
    expect(reason({ formToken: mintFormToken(NOW + 5000) })).toBe('tooFast')
    // createComment refuses it first; here it proves nothing either.
    expect(reason({ formToken: mintFormToken(NOW - FORM_TOKEN_MAX_AGE_MS - 1) })).toBe(
      'tokenMissing',
    )
  })

  it('allows maxLinks links in the text, not one more; the website field does not count', () => {
    expect(
      reason({ body: 'https://a.example und www.b.example', website: 'https://c.example' }),
    ).toBeNull()
    expect(reason({ body: 'http://a.example https://b.example www.c.example' })).toBe(
      'tooManyLinks',
    )
    expect(
      spamReason(candidate({ body: 'nur https://a.example' }), { ...rules, maxLinks: 0 }, NOW),
    ).toBe('tooManyLinks')
  })

  it('matches blocklisted words as whole words in any case, in the text and the name', () => {
    expect(reason({ body: 'Billiges VIAGRA!' })).toBe('blockedWord')
    expect(reason({ name: 'viagra-shop' })).toBe('blockedWord')
    expect(reason({ body: 'Viagrafreie Zone' })).toBeNull()
  })

  it('matches blocklisted emails exactly and domains with their subdomains', () => {
    expect(reason({ email: 'spam@example.com' })).toBe('blockedEmail')
    expect(reason({ email: 'nicht-spam@example.com' })).toBeNull()
    expect(reason({ email: 'x@werbung.example' })).toBe('blockedDomain')
    expect(reason({ email: 'x@mail.werbung.example' })).toBe('blockedDomain')
    expect(reason({ website: 'https://shop.werbung.example/' })).toBe('blockedDomain')
    expect(reason({ body: 'Siehe www.werbung.example/angebot' })).toBe('blockedDomain')
    expect(reason({ email: 'x@keinewerbung.example' })).toBeNull()
  })
})

describe('helpers', () => {
  it('parses the blocklist: lines, trimmed, lower case, no empty lines or # notes', () => {
    expect(parseBlocklist('  Foo \n\n# Notiz\r\nBAR@x.de\n')).toEqual(['foo', 'bar@x.de'])
    expect(parseBlocklist(null)).toEqual([])
  })

  it('finds http(s) and www links', () => {
    expect(linksIn('a https://x.de/b, http://y.de und www.z.de. Kein z.de')).toEqual([
      'https://x.de/b',
      'http://y.de',
      'www.z.de',
    ])
  })
})
