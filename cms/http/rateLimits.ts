import { normalizeEmail } from '../utilities/normalizeEmail'
import type { Payload, PayloadRequest } from 'payload'
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { message, type MessageKey } from '../i18n/messages'
import { dailyKey, keyedHash } from '../security/privacyKeys'
import { clientAddress, trustedProxyHops } from './clientAddress'
import { requestLocale, type Locale } from './locale'
import { purgeExpiredRateLimits, RateLimiterPayload } from './rateLimitStore'

/**
 * The public API's rate limits: per client (its address, see clientAddress) and per email address.
 * Each limit is one or more windows ("5 per minute and 30 per hour"); a request over any window is
 * answered 429 with Retry-After. RATE_LIMITS overrides single limits, e.g.
 * `RATE_LIMITS="comment=10/1m+100/1h, share=60/1m"`.
 */
export const DEFAULT_RATE_LIMITS = {
  /** Comment posts per client. */
  comment: '5/1m+30/1h',
  /** Comment posts per email address (the author's). */
  commentEmail: '3/1m+20/1h',
  /** Reactions (votes) per client. */
  reaction: '60/1m',
  /** Subscription requests per client. */
  subscription: '5/10m',
  /** Subscription requests per email address. */
  subscriptionEmail: '3/10m',
  /** Share clicks per client. */
  share: '30/1m',
  /** Bulk reads of a static build (a cold build of 10,000 articles makes 101). */
  siteBuild: '300/1m',
} as const

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMITS

/** The public endpoints limited per client (by method and path), counted before their handler. */
export const CLIENT_LIMITS: Partial<Record<string, RateLimitName>> = {
  'post /public/articles/:slug/comments': 'comment',
  'post /public/comments/:id/reactions': 'reaction',
  'post /public/subscriptions': 'subscription',
  'get /public/share/:slug/:network': 'share',
  'get /public/site-build/stamps': 'siteBuild',
  'get /public/site-build/comments': 'siteBuild',
}
export type RateWindow = { points: number; seconds: number }

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 }

/** `5/1m+30/1h` -> windows; anything else stops the start with a clear message. */
export function parseWindows(name: string, spec: string): RateWindow[] {
  return spec.split('+').map((part) => {
    const match = /^\s*(\d+)\s*\/\s*(\d*)\s*([smhd])\s*$/.exec(part)
    const points = Number(match?.[1])
    const seconds = Number(match?.[2] || 1) * (UNITS[match?.[3] ?? ''] ?? NaN)
    if (!match || !(points >= 1) || !(seconds >= 1))
      throw new Error(
        `RATE_LIMITS: "${name}=${spec}" is not a limit like 5/1m or 5/1m+30/1h (at least 1 per window)`,
      )
    return { points, seconds }
  })
}

/** Every limit's windows: the defaults, with what RATE_LIMITS sets. */
export function rateLimitSettings(
  raw = process.env.RATE_LIMITS ?? '',
): Record<RateLimitName, RateWindow[]> {
  const specs: Record<string, string> = { ...DEFAULT_RATE_LIMITS }
  for (const entry of raw.split(/[,;\s]+/).filter(Boolean)) {
    const [name, spec] = entry.split('=')
    if (!name || spec === undefined || !(name in DEFAULT_RATE_LIMITS))
      throw new Error(
        `RATE_LIMITS: "${entry}" is not name=limit with a name of ${Object.keys(DEFAULT_RATE_LIMITS).join(', ')}`,
      )
    specs[name] = spec
  }
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, parseWindows(name, spec)]),
  ) as Record<RateLimitName, RateWindow[]>
}

/** Where the counters live: this process's memory (default) or the shared database. */
export function rateLimitStore(): 'memory' | 'database' {
  const store = process.env.RATE_LIMIT_STORE?.trim() || 'memory'
  if (store !== 'memory' && store !== 'database')
    throw new Error(`RATE_LIMIT_STORE: "${store}" is neither memory nor database`)
  return store
}

/** Over a limit: becomes 429 with Retry-After (publicEndpoint). Not an HttpError, so handlers let it pass. */
export class RateLimited extends Error {
  constructor(
    readonly field: 'client' | 'email',
    readonly retryAfterSeconds: number,
    readonly text: string,
  ) {
    super(`rate limited (${field}), retry after ${retryAfterSeconds} s`)
    this.name = 'RateLimited'
  }
}

/** Checks RATE_LIMITS, RATE_LIMIT_STORE and TRUST_PROXY at start: a typo stops it with a clear message. */
export function checkRateLimitConfig(): void {
  rateLimitSettings()
  rateLimitStore()
  trustedProxyHops()
}

type Limiters = Map<RateLimitName, RateLimiterAbstract[]>
let limiters: { payload: Payload; byName: Limiters } | undefined
let nextPurge = 0

function limitersFor(payload: Payload): Limiters {
  if (limiters?.payload === payload) return limiters.byName
  const settings = rateLimitSettings()
  const store = rateLimitStore()
  const byName: Limiters = new Map()
  for (const [name, windows] of Object.entries(settings) as [RateLimitName, RateWindow[]][]) {
    byName.set(
      name,
      windows.map(({ points, seconds }) => {
        const options = { points, duration: seconds, keyPrefix: `${name}.${seconds}` }
        return store === 'database'
          ? new RateLimiterPayload({ ...options, payload, inMemoryBlockOnConsumed: 0 })
          : new RateLimiterMemory(options)
      }),
    )
  }
  limiters = { payload, byName }
  return byName
}

/**
 * Counts one request against every window of a limit; throws RateLimited (with the longest wait
 * of the windows it is over) when it is one too many.
 */
export async function consumeRateLimit(
  req: PayloadRequest,
  name: RateLimitName,
  key: string,
  field: 'client' | 'email',
  locale: Locale = requestLocale(req.headers),
): Promise<void> {
  let waitMs = 0
  // Counted under a keyed hash with the day's key: neither an address nor an email is kept, in
  // memory or in the database, and a counter links to nobody once the day's key is gone.
  const counterKey = keyedHash(await dailyKey(req.payload), `${field}:${key}`)
  for (const limiter of limitersFor(req.payload).get(name) ?? []) {
    try {
      await limiter.consume(counterKey)
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      waitMs = Math.max(waitMs, rejection.msBeforeNext)
    }
  }
  if (rateLimitStore() === 'database' && Date.now() > nextPurge) {
    nextPurge = Date.now() + 10 * 60_000
    purgeExpiredRateLimits(req.payload).catch((error: unknown) =>
      req.payload.logger.warn({ err: error }, 'rate limits: purging expired counters failed'),
    )
  }
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000))
    const key: MessageKey = field === 'email' ? 'rateLimitedEmail' : 'rateLimitedClient'
    throw new RateLimited(field, seconds, message(locale, key, { seconds: String(seconds) }))
  }
}

/** The per-client limit of a public endpoint (publicEndpoint's `rateLimit` option). */
export const limitClient = (req: PayloadRequest, name: RateLimitName): Promise<void> =>
  consumeRateLimit(req, name, clientAddress(req.headers), 'client')

/** The per-email limit, after the input is valid: `await limitEmail(req, 'commentEmail', email)`. */
export const limitEmail = (
  req: PayloadRequest,
  name: RateLimitName,
  email: string,
  locale?: Locale,
): Promise<void> => consumeRateLimit(req, name, emailLimitKey(email), 'email', locale)

/**
 * How a per-email limit keys an address: the mailbox (normalizeEmail), so tags and dots do not
 * open new counters, and a privacy export or erase finds the counter by any spelling.
 */
export const emailLimitKey = (email: string): string => normalizeEmail(email)
