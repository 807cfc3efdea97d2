import { randomUUID } from 'node:crypto'
import type { Payload, Where } from 'payload'
import type { EmailDelivery } from '../payload-types'
import { budgetLeft } from './dailyBudget'
import { failureKind } from './failureKind'
import { createRateLimiter } from './rateLimiter'
import { sentToday } from './sentToday'
import { BATCH_SIZE, mailSettings } from './settings'
import { transport, type Email, type Transport } from './transport'

const limiter = createRateLimiter(mailSettings().requestsPerSecond)
/** Resend forgets an idempotency key after 24 h; an older key is replaced, with an hour to spare. */
export const KEY_REUSE_MS = 23 * 60 * 60 * 1000
type Batch = { key: string; rows: EmailDelivery[] }
let running: Promise<number> | undefined
let askedAgain = false
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
  if (running) {
    // The running drain may be past its last look at the outbox: it looks once more.
    askedAgain = true
    return running
  }
  running = drainUntilEmpty(payload, via).finally(() => (running = undefined))
  return running
}

/**
 * Rows may arrive while a drain runs (a fan-out still filling the outbox, a caller that found
 * this drain running): drain again until a pass sends none and nobody asked meanwhile.
 */
async function drainUntilEmpty(payload: Payload, via: Transport): Promise<number> {
  let total = 0
  for (;;) {
    askedAgain = false
    const sent = await drain(payload, via)
    total += sent
    if (sent === 0 && !askedAgain) return total
  }
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
      sent += await sendRows(payload, via, part, await newKey(payload, part))
    }
    return sent
  }
  const now = new Date().toISOString()
  const ofBatch: Where = { batchKey: { equals: key } }
  if (outcome.ok) {
    await update(payload, ofBatch, { status: 'sent', sentAt: now })
  } else {
    await update(payload, ofBatch, {
      status: 'failed',
      lastError: outcome.message,
      failure: failureKind(outcome),
    })
    // The first failure stays when the row is resent and fails again: "failing since".
    await update(
      payload,
      { and: [ofBatch, { firstFailedAt: { exists: false } }] },
      {
        firstFailedAt: now,
      },
    )
    payload.logger.error(`E-Mail batch ${key} (${rows.length}) failed for good: ${outcome.message}`)
  }
  return outcome.ok ? rows.length : 0
}

/**
 * The next batch to send. Confirmations first, at all times: they are the double opt-in a reader
 * waits for, and the daily budget does not hold them. Other kinds only while today's budget
 * (MAIL_DAILY_LIMIT, counted from the sent rows) lasts, and no more than it has left.
 */
async function nextBatch(payload: Payload): Promise<Batch | undefined> {
  const confirmations = await batchOf(payload, { kind: { equals: 'confirmation' } }, BATCH_SIZE)
  if (confirmations) return confirmations
  const room = Math.min(BATCH_SIZE, budgetLeft(await sentToday(payload), mailSettings().dailyLimit))
  if (room === 0) return undefined
  return batchOf(payload, { kind: { not_equals: 'confirmation' } }, room, {
    waitWhileFilling: true,
  })
}

/**
 * A batch left over from an interrupted run first (same key, so the provider drops what it
 * already delivered), else up to `limit` new rows under a new key. The provider keeps a key for
 * 24 h only: a leftover batch keyed more than KEY_REUSE_MS ago gets a fresh key (a small risk of
 * a duplicate, rather than holding or dropping the batch).
 */
async function batchOf(
  payload: Payload,
  where: Where,
  limit: number,
  { waitWhileFilling = false } = {},
): Promise<Batch | undefined> {
  const find = (more: Where, max: number) =>
    payload.find({
      collection: 'email-deliveries',
      where: { and: [{ status: { equals: 'pending' } }, where, more] },
      limit: max,
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
  const leftover = (await find({ batchKey: { exists: true } }, 1)).docs[0]
  if (leftover?.batchKey) {
    const rows = (await find({ batchKey: { equals: leftover.batchKey } }, BATCH_SIZE)).docs
    const keyedAt = leftover.batchedAt ? Date.parse(leftover.batchedAt) : Date.now()
    if (Date.now() - keyedAt > KEY_REUSE_MS) return { key: await newKey(payload, rows), rows }
    return { key: leftover.batchKey, rows }
  }
  const rows = (await find({ batchKey: { exists: false } }, limit)).docs
  if (rows.length === 0 || (waitWhileFilling && rows.length < limit && filling > 0))
    return undefined
  return { key: await newKey(payload, rows), rows }
}

/** Gives rows a new batch key, stored before anything is sent under it. */
async function newKey(payload: Payload, rows: EmailDelivery[]): Promise<string> {
  const key = `leuchtturm-${randomUUID()}`
  await update(
    payload,
    { id: { in: rows.map((r) => r.id) } },
    { batchKey: key, batchedAt: new Date().toISOString() },
  )
  return key
}

const update = (payload: Payload, where: Where, data: Partial<EmailDelivery>) =>
  payload.update({ collection: 'email-deliveries', where, data, overrideAccess: true })

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
