/** Spaces calls at least 1/rate seconds apart, process-wide (one sender per process). */
export function createRateLimiter(requestsPerSecond: number) {
  const interval = 1000 / Math.max(requestsPerSecond, 0.001)
  let next = 0
  return {
    async wait(): Promise<void> {
      const now = Date.now()
      const at = Math.max(now, next)
      next = at + interval
      if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now))
    },
    /** After a 429: nobody sends before the provider's retry-after has passed. */
    pause(ms: number): void {
      next = Math.max(next, Date.now() + ms)
    },
  }
}
