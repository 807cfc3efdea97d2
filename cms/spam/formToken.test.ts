import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FORM_TOKEN_MAX_AGE_MS, MIN_FILL_MS } from '../../contract'
import { formTokenForRetry, formTokenTime, judgeFormToken, mintFormToken } from './formToken'

beforeEach(() => vi.stubEnv('PAYLOAD_SECRET', 'geheimnis-für-formular-tests'))
afterEach(() => vi.unstubAllEnvs())

const NOW = 1_800_000_000_000
const DAY = 24 * 60 * 60 * 1000

describe('form tokens', () => {
  it('carry the signed time and nothing forged', () => {
    const token = mintFormToken(NOW)
    expect(formTokenTime(token)).toBe(NOW)
    expect(formTokenTime(token.replace(/^\d+/, String(NOW - 60_000)))).toBeNull()
    expect(formTokenTime(`${NOW}.abc`)).toBeNull()
    for (const broken of [undefined, null, 42, '', 'x'.repeat(500)])
      expect(formTokenTime(broken)).toBeNull()
  })

  it('are not valid under another secret', () => {
    const token = mintFormToken(NOW)
    vi.stubEnv('PAYLOAD_SECRET', 'ein-anderes-geheimnis')
    expect(formTokenTime(token)).toBeNull()
  })
})

describe('judgeFormToken', () => {
  const judge = (mintedAt: number) => judgeFormToken(mintFormToken(mintedAt), NOW)

  it('is too fast before MIN_FILL_MS, and for a token from the future', () => {
    expect(judge(NOW)).toBe('tooFast')
    expect(judge(NOW - MIN_FILL_MS + 1)).toBe('tooFast')
    expect(judge(NOW + 5000)).toBe('tooFast')
  })

  it('is valid from MIN_FILL_MS up to FORM_TOKEN_MAX_AGE_MS: a static page between builds', () => {
    expect(FORM_TOKEN_MAX_AGE_MS).toBe(7 * DAY)
    expect(judge(NOW - MIN_FILL_MS)).toBe('valid')
    expect(judge(NOW - 6 * DAY)).toBe('valid')
    expect(judge(NOW - FORM_TOKEN_MAX_AGE_MS)).toBe('valid')
  })

  it('expires after FORM_TOKEN_MAX_AGE_MS: a copied token does not serve forever', () => {
    expect(judge(NOW - FORM_TOKEN_MAX_AGE_MS - 1)).toBe('expired')
    expect(judge(NOW - 365 * DAY)).toBe('expired')
  })

  it('calls a forged, re-dated or missing token missing, whatever its age', () => {
    const old = mintFormToken(NOW - 30 * DAY)
    expect(judgeFormToken(old.replace(/^\d+/, String(NOW - DAY)), NOW)).toBe('missing')
    expect(judgeFormToken(`${NOW - DAY}.forged`, NOW)).toBe('missing')
    expect(judgeFormToken(undefined, NOW)).toBe('missing')
  })
})

describe('formTokenForRetry', () => {
  it("keeps the reader's own token, whatever its verdict, unless it expired", () => {
    for (const token of [mintFormToken(NOW - DAY), mintFormToken(NOW), 'kaputt', undefined])
      expect(formTokenForRetry(token, NOW)).toBe(token)
  })

  it('renews an expired one, dated so that it may be sent again at once', () => {
    const renewed = formTokenForRetry(mintFormToken(NOW - 8 * DAY), NOW)
    expect(formTokenTime(renewed)).toBe(NOW - MIN_FILL_MS)
    expect(judgeFormToken(renewed, NOW)).toBe('valid')
  })
})
