import { describe, expect, it } from 'vitest'
import { failureKind } from './failureKind'

describe('failureKind', () => {
  it('tells a refused address from a refused account and from an outage', () => {
    expect(failureKind({ ok: false, permanent: true, perRecipient: true, message: '422' })).toBe(
      'recipient',
    )
    expect(failureKind({ ok: false, permanent: true, message: '401' })).toBe('account')
    expect(failureKind({ ok: false, permanent: true, message: '403' })).toBe('account')
    expect(failureKind({ ok: false, permanent: false, message: '500' })).toBe('outage')
    expect(failureKind({ ok: false, permanent: false, message: 'network' })).toBe('outage')
  })
})
