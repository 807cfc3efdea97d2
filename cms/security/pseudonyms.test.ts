import { describe, expect, it } from 'vitest'
import { CONSENT_HISTORY, consentText, currentConsent } from '../../contract'
import { utcDay } from './privacyKeys'
import { addressPseudonym, targetPseudonym } from './pseudonyms'

describe('pseudonyms of redacted addresses', () => {
  it('are the same for one mailbox however it is typed, and reveal nothing of it', () => {
    const a = addressPseudonym('k', 'Anna.Meier+blog@Gmail.com')
    expect(a).toBe(addressPseudonym('k', 'annameier@googlemail.com'))
    expect(a).toMatch(/^[0-9a-f]{32}@redacted\.invalid$/)
    expect(a).not.toMatch(/anna|gmail/i)
  })

  it('differ between mailboxes and between keys', () => {
    expect(addressPseudonym('k', 'anna@example.de')).not.toBe(
      addressPseudonym('k', 'bert@example.de'),
    )
    expect(addressPseudonym('k', 'anna@example.de')).not.toBe(
      addressPseudonym('other', 'anna@example.de'),
    )
  })

  it('keep targets apart: never the raw key, distinct per target', () => {
    const target = 'anna@example.de|article|7'
    expect(targetPseudonym('k', target)).toMatch(/^redacted:[0-9a-f]{64}$/)
    expect(targetPseudonym('k', target)).not.toBe(targetPseudonym('k', `${target}0`))
  })
})

describe('daily keys', () => {
  it('belong to the UTC day: a new key at midnight UTC', () => {
    expect(utcDay(new Date('2026-12-02T23:59:59.999Z'))).toBe('2026-12-02')
    expect(utcDay(new Date('2026-12-03T00:00:00.000Z'))).toBe('2026-12-03')
  })
})

describe('consent versions (contract/consent.ts)', () => {
  it('the current version is the last of the history, with a text in every language', () => {
    for (const kind of ['comment', 'subscription'] as const) {
      const history = CONSENT_HISTORY[kind]
      expect(currentConsent(kind)).toBe(history[history.length - 1])
      expect(consentText(kind, 'de')).toContain('Datenschutzerklärung')
      expect(consentText(kind, 'en')).toContain('privacy policy')
    }
  })

  it('versions are unique and dated in order', () => {
    for (const history of Object.values(CONSENT_HISTORY)) {
      const versions = history.map((v) => v.version)
      expect(new Set(versions).size).toBe(versions.length)
      const dates = history.map((v) => v.date)
      expect([...dates].sort()).toEqual(dates)
    }
  })
})
