import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRateLimiter } from './rateLimiter'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-11-27T10:00:00.000Z'))
})
afterEach(() => vi.useRealTimers())

/** Starts `count` waits at once and records when each may send, in ms from now. */
function waitsFrom(limiter: ReturnType<typeof createRateLimiter>, count: number): number[] {
  const start = Date.now()
  const sentAt: number[] = []
  for (let i = 0; i < count; i++) void limiter.wait().then(() => sentAt.push(Date.now() - start))
  return sentAt
}

describe('createRateLimiter', () => {
  it('lets the first request go at once and spaces the following ones 1/rate apart, never early', async () => {
    const sentAt = waitsFrom(createRateLimiter(2), 4)
    await vi.advanceTimersByTimeAsync(0)
    expect(sentAt).toEqual([0])
    await vi.advanceTimersByTimeAsync(499)
    expect(sentAt).toEqual([0])
    await vi.advanceTimersByTimeAsync(1)
    expect(sentAt).toEqual([0, 500])
    await vi.advanceTimersByTimeAsync(1000)
    expect(sentAt).toEqual([0, 500, 1000, 1500])
  })

  it('does not delay a request that comes after the interval has passed anyway', async () => {
    const limiter = createRateLimiter(10)
    await limiter.wait()
    await vi.advanceTimersByTimeAsync(250) // a slow send
    const sentAt = waitsFrom(limiter, 1)
    await vi.advanceTimersByTimeAsync(0)
    expect(sentAt).toEqual([0])
  })

  it('does not let requests pile up during a quiet time and then go out in a burst', async () => {
    const limiter = createRateLimiter(10)
    await limiter.wait()
    await vi.advanceTimersByTimeAsync(60_000)
    const sentAt = waitsFrom(limiter, 3)
    await vi.advanceTimersByTimeAsync(1000)
    expect(sentAt).toEqual([0, 100, 200])
  })

  it('after pause(ms) sends nothing before the pause is over, then resumes at the rate', async () => {
    const limiter = createRateLimiter(10)
    await limiter.wait()
    limiter.pause(2000) // the provider answered 429, retry after 2 s
    const sentAt = waitsFrom(limiter, 2)
    await vi.advanceTimersByTimeAsync(1999)
    expect(sentAt).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(sentAt).toEqual([2000])
    await vi.advanceTimersByTimeAsync(100)
    expect(sentAt).toEqual([2000, 2100])
  })

  it('keeps the regular spacing when a pause is shorter than it', async () => {
    const limiter = createRateLimiter(1)
    await limiter.wait()
    limiter.pause(200)
    const sentAt = waitsFrom(limiter, 1)
    await vi.advanceTimersByTimeAsync(999)
    expect(sentAt).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(sentAt).toEqual([1000])
  })

  it('keeps separate limiters independent', async () => {
    const a = createRateLimiter(1)
    const b = createRateLimiter(1)
    await a.wait()
    const sentAt = waitsFrom(b, 1)
    await vi.advanceTimersByTimeAsync(0)
    expect(sentAt).toEqual([0])
  })

  it('never sends unthrottled when the rate is zero or negative', async () => {
    for (const rate of [0, -5]) {
      const sentAt = waitsFrom(createRateLimiter(rate), 2)
      await vi.advanceTimersByTimeAsync(10 * 60_000)
      expect(sentAt, `rate ${rate}`).toEqual([0])
      vi.clearAllTimers()
    }
  })
})
