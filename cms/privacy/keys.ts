import { createHmac } from 'node:crypto'
import type { Payload } from 'payload'
import { storedKey } from '../security/linkKey'

/** Names of the privacy keys in Payload's key-value store. */
export const PSEUDONYM_KEY = 'privacy-pseudonym-key'
export const DAILY_KEY_PREFIX = 'privacy-daily-key:'

/** The UTC day (YYYY-MM-DD) a daily key belongs to. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10)

/**
 * The key of redacted addresses (unsubscribed rows, old outbox rows). Persisted, so the same
 * address always gives the same hash: a suppression and an export/erase by address still find it.
 */
export const pseudonymKey = (payload: Payload): Promise<string> => storedKey(payload, PSEUDONYM_KEY)

/**
 * The key of client addresses (rate limits, reaction clients): a new random key each UTC day.
 * Retention deletes the keys of past days, after which yesterday's hashes link to nobody.
 */
export const dailyKey = (payload: Payload, at = new Date()): Promise<string> =>
  storedKey(payload, `${DAILY_KEY_PREFIX}${utcDay(at)}`)

/** HMAC-SHA256 of a value under a key, hex. */
export const keyedHash = (key: string, value: string): string =>
  createHmac('sha256', key).update(value).digest('hex')

/** What stands for a redacted address: still shaped like an address, in a reserved domain. */
export const redactedAddress = (hash: string): string => `${hash.slice(0, 32)}@redacted.invalid`
