import { describe, expect, it } from 'vitest'
import { DEFAULT_RATE_LIMITS, parseWindows, rateLimitSettings } from './rateLimits'

describe('rate limit settings', () => {
  it('are the defaults without RATE_LIMITS', () => {
    const settings = rateLimitSettings('')
    expect(Object.keys(settings)).toEqual(Object.keys(DEFAULT_RATE_LIMITS))
    expect(settings.comment).toEqual([
      { points: 5, seconds: 60 },
      { points: 30, seconds: 3600 },
    ])
    expect(settings.subscription).toEqual([{ points: 5, seconds: 600 }])
  })

  it('take single limits from RATE_LIMITS', () => {
    const settings = rateLimitSettings('comment=10/1m+100/1h, share=60/30s')
    expect(settings.comment).toEqual([
      { points: 10, seconds: 60 },
      { points: 100, seconds: 3600 },
    ])
    expect(settings.share).toEqual([{ points: 60, seconds: 30 }])
    expect(settings.reaction).toEqual([{ points: 60, seconds: 60 }])
    expect(parseWindows('x', '3/m')).toEqual([{ points: 3, seconds: 60 }])
  })

  it('refuse what is not a limit, and never turn one off', () => {
    expect(() => rateLimitSettings('comments=5/1m')).toThrow(/RATE_LIMITS: "comments=5\/1m"/)
    expect(() => rateLimitSettings('comment=0/1m')).toThrow(/at least 1/)
    expect(() => rateLimitSettings('comment=5')).toThrow(/RATE_LIMITS/)
    expect(() => rateLimitSettings('comment=5/1w')).toThrow(/RATE_LIMITS/)
  })
})
