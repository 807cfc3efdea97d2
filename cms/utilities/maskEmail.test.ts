import { describe, expect, it } from 'vitest'
import { maskEmail, redact } from './maskEmail'

describe('maskEmail', () => {
  it('keeps the first letter and the domain only', () => {
    expect(maskEmail('redaktion@example.de')).toBe('r…@example.de')
    expect(maskEmail('a@b.de')).toBe('a…@b.de')
    expect(maskEmail('jürgen.müller@bücher.example')).toBe('j…@bücher.example')
  })

  it('shows nothing of a value that is no address', () => {
    expect(maskEmail('@example.de')).toBe('…')
    expect(maskEmail('kein-at')).toBe('…')
  })
})

describe('redact', () => {
  it('masks every address in a provider message', () => {
    const text = redact(
      '422: Invalid `to` field. Please use our testing email address instead of anna.berger+blog@example.de, and not Bernd@Firma.example.com.',
    )
    expect(text).toBe(
      '422: Invalid `to` field. Please use our testing email address instead of a…@example.de, and not B…@Firma.example.com.',
    )
    expect(text).not.toMatch(/anna|bernd@/i)
  })

  it('drops the token of confirmation and unsubscribe links', () => {
    const text = redact(
      'Bestätigen: http://localhost:3000/api/public/subscriptions/confirm?token=eyJhbGciOi.abc-DEF_123 und http://x/unsubscribe?lang=de&token=s3cr3t (Link)',
    )
    expect(text).toBe(
      'Bestätigen: http://localhost:3000/api/public/subscriptions/confirm?token=… und http://x/unsubscribe?lang=de&token=… (Link)',
    )
  })

  it('leaves text without addresses or tokens as it is', () => {
    expect(redact('503: Service Unavailable (retry @ 5 s)')).toBe(
      '503: Service Unavailable (retry @ 5 s)',
    )
  })
})
