import { randomUUID } from 'node:crypto'
import type { Payload, Where } from 'payload'
import type { EmailDelivery } from '../payload-types'
import { createRateLimiter } from './rateLimiter'
import { BATCH_SIZE, mailSettings } from './settings'
import { transport, type Email, type Transport } from './transport'

const limiter = createRateLimiter(mailSettings().requestsPerSecond)
let running: Promise<number> | undefined
let filling = 0

/**
 * Marks a fan-out that is still adding rows: meanwhile the sender sends only full batches, so
 * 1,000 recipients still take exactly 10 requests; the rest goes when the filling is done.
 */
export async function whileFilling<T>(work: () => Promise<T>): Promise<T> {
  filling++
  try {
    return await work()
  } finally {
    filling--
  }
}

/**
 * Sends every pending email of the outbox in batches of at most 100. A batch's idempotency key is
 * stored on its rows before the request, so after a crash the same rows go out again under the
 * same key and the provider drops the duplicate. One drain runs per process at a time.
 */
export function sendOutbox(payload: Payload, via: Transport = transport()): Promise<number> {
  running ??= drainUntilEmpty(payload, via).finally(() => (running = undefined))
  return running
}

/** Rows may arrive while a drain runs (a fan-out still filling the outbox): drain again until a pass finds none. */
async function drainUntilEmpty(payload: Payload, via: Transport): Promise<number> {
  let total = 0
  for (let sent = await drain(payload, via); sent > 0; sent = await drain(payload, via))
    total += sent
  return total
}

async function drain(payload: Payload, via: Transport): Promise<number> {
  let sent = 0
  for (let batch = await nextBatch(payload); batch; batch = await nextBatch(payload)) {
    sent += await sendRows(payload, via, batch.rows, batch.key)
  }
  return sent
}

/**
 * Sends rows under their batch key. When the provider refuses the batch for one recipient, the
 * halves go again under keys of their own (stored before sending), down to the one bad address,
 * so it never fails the other 99. Returns how many were sent.
 */
async function sendRows(
  payload: Payload,
  via: Transport,
  rows: EmailDelivery[],
  key: string,
): Promise<number> {
  const outcome = await sendWithRetry(via, rows.map(toEmail), key)
  if (!outcome.ok && outcome.perRecipient && rows.length > 1) {
    const half = Math.ceil(rows.length / 2)
    let sent = 0
    for (const part of [rows.slice(0, half), rows.slice(half)]) {
      const partKey = `leuchtturm-${randomUUID()}`
      await payload.update({
        collection: 'email-deliveries',
        where: { id: { in: part.map((r) => r.id) } },
        data: { batchKey: partKey },
        overrideAccess: true,
      })
      sent += await sendRows(payload, via, part, partKey)
    }
    return sent
  }
  const data = outcome.ok
    ? { status: 'sent' as const, sentAt: new Date().toISOString() }
    : { status: 'failed' as const, lastError: outcome.message }
  await payload.update({
    collection: 'email-deliveries',
    where: { batchKey: { equals: key } },
    data,
    overrideAccess: true,
  })
  if (!outcome.ok)
    payload.logger.error(`E-Mail batch ${key} (${rows.length}) failed for good: ${outcome.message}`)
  return outcome.ok ? rows.length : 0
}

/** A batch left over from an interrupted run first (same key), else up to 100 new rows under a new key. */
async function nextBatch(
  payload: Payload,
): Promise<{ key: string; rows: EmailDelivery[] } | undefined> {
  const find = (where: Where, limit: number) =>
    payload.find({
      collection: 'email-deliveries',
      where: { and: [{ status: { equals: 'pending' } }, where] },
      limit,
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
  const leftover = (await find({ batchKey: { exists: true } }, 1)).docs[0]
  if (leftover?.batchKey) {
    const rows = (await find({ batchKey: { equals: leftover.batchKey } }, BATCH_SIZE)).docs
    return { key: leftover.batchKey, rows }
  }
  const rows = (await find({ batchKey: { exists: false } }, BATCH_SIZE)).docs
  if (rows.length === 0 || (rows.length < BATCH_SIZE && filling > 0)) return undefined
  const key = `leuchtturm-${randomUUID()}`
  await payload.update({
    collection: 'email-deliveries',
    where: { id: { in: rows.map((r) => r.id) } },
    data: { batchKey: key },
    overrideAccess: true,
  })
  return { key, rows }
}

async function sendWithRetry(via: Transport, emails: Email[], key: string) {
  const { backoffMs, maxAttempts } = mailSettings()
  for (let attempt = 1; ; attempt++) {
    await limiter.wait()
    const outcome = await via.sendBatch(emails, key)
    if (outcome.ok || outcome.permanent || attempt >= maxAttempts) return outcome
    const delay = outcome.retryAfterMs ?? Math.min(backoffMs * 2 ** (attempt - 1), 60_000)
    limiter.pause(delay)
  }
}

const toEmail = (row: EmailDelivery): Email => ({
  to: row.to,
  subject: row.subject,
  text: row.text,
  html: row.html,
  headers: (row.headers ?? undefined) as Record<string, string> | undefined,
})
