import { createHmac } from 'node:crypto'
import type { Payload } from 'payload'
import { readStoredKey, storedKey } from './linkKey'

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

const DAY_MS = 86_400_000

/**
 * The keys an address may be hashed under now, read only (an export or erase makes none): the
 * pseudonym key and the day keys of today and yesterday (older ones are deleted by retention, so
 * hashes under them link to nobody).
 */
export async function lookupKeys(
  payload: Payload,
  now = new Date(),
): Promise<{ pseudonym: string | null; days: string[] }> {
  const [pseudonym, ...days] = await Promise.all([
    readStoredKey(payload, PSEUDONYM_KEY),
    ...[now, new Date(now.getTime() - DAY_MS)].map((day) =>
      readStoredKey(payload, `${DAILY_KEY_PREFIX}${utcDay(day)}`),
    ),
  ])
  return { pseudonym: pseudonym ?? null, days: days.filter((k): k is string => k !== null) }
}
