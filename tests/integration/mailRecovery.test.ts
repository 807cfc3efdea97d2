import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resumeJobs } from '../../cms/bootstrap/resumeJobs'
import { mailNotices } from '../../cms/email/mailNotices'
import { readMailState } from '../../cms/email/readMailState'
import type { sendOutbox as SendOutbox } from '../../cms/email/sendOutbox'
import { queueTask } from '../../cms/jobs/queues'
import { eventually } from '../../scripts/lib/eventually'
import type { FakeResend } from '../../scripts/lib/fakeResend'
import type { LocalCms } from '../../scripts/lib/localCms'
import { startMailStack, type MailStack } from '../helpers/mailStack'
import { addOutboxRows, statusesOf } from '../helpers/outboxRows'

/** No silent loss: failures keep their reason, go out again when the cause is gone, or on request. */
const REFUSED = 'abgelehnt@example.de'
let refusing = true
let cms: LocalCms
let resend: FakeResend
let stack: MailStack
let sendOutbox: typeof SendOutbox

const deliveredTo = (addresses: string[]) =>
  resend.delivered.filter((m) => addresses.includes(m.to[0]!)).map((m) => m.to[0]!)
const rowsOf = async (event: string) =>
  (
    await cms.payload.find({
      collection: 'email-deliveries',
      where: { eventKey: { equals: event } },
      pagination: false,
      sort: 'to',
    })
  ).docs
const requestsTo = (addresses: string[]) =>
  resend.requests.filter((r) => r.emails.some((m) => addresses.includes(m.to[0]!)))
const expectEachOnce = async (addresses: string[]) => {
  await eventually(() => expect(deliveredTo(addresses)).toHaveLength(addresses.length), 20_000)
  await new Promise((resolve) => setTimeout(resolve, 1000))
  expect(deliveredTo(addresses).sort()).toEqual([...addresses].sort())
}

beforeAll(async () => {
  stack = await startMailStack(
    { RESEND_BACKOFF_MS: '20', RESEND_MAX_ATTEMPTS: '3' },
    { rejects: (address) => refusing && address === REFUSED },
  )
  ;({ cms, resend } = stack)
  ;({ sendOutbox } = await import('../../cms/email/sendOutbox'))
}, 120_000)
afterAll(() => stack?.stop())

describe('a wrong API key (401)', () => {
  let addresses: string[]

  it('fails the batches with the reason kept and the cause marked as the account', async () => {
    resend.setPlan(() => ({ status: 401 }))
    addresses = await addOutboxRows(cms.payload, 'wrong-key', 150)
    await sendOutbox(cms.payload)
    const rows = await rowsOf('wrong-key')
    expect(rows.every((r) => r.status === 'failed' && r.failure === 'account')).toBe(true)
    expect(rows.every((r) => r.lastError?.startsWith('401') && r.firstFailedAt)).toBe(true)
    expect(deliveredTo(addresses)).toEqual([])
  })

  it('warns the editors once sending has failed for more than an hour', async () => {
    expect(mailNotices(await readMailState(cms.payload))).toEqual([])
    await cms.payload.db.updateMany({
      collection: 'email-deliveries',
      where: { eventKey: { equals: 'wrong-key' } },
      data: { firstFailedAt: new Date(Date.now() - 61 * 60 * 1000).toISOString() },
    })
    expect(mailNotices(await readMailState(cms.payload))).toEqual([
      {
        tone: 'warning',
        text: expect.stringMatching(/^Der E-Mail-Versand schlägt seit .+ Uhr fehl: 401: fake 401$/),
      },
    ])
  })

  it('once the key is fixed, a start sends every email again, each recipient exactly once', async () => {
    resend.setPlan(undefined)
    const resumed = await resumeJobs(cms.payload)
    expect(resumed).toMatchObject({ requeuedEmails: 150, pendingEmails: 150 })
    await expectEachOnce(addresses)
    expect(await statusesOf(cms.payload, 'wrong-key')).toEqual({ sent: 150 })
    expect(mailNotices(await readMailState(cms.payload))).toEqual([])
  })
})

describe('the 15-minute job', () => {
  it('is always scheduled on the email queue, for the next quarter hour', async () => {
    const job = await eventually(async () => {
      const { docs } = await cms.payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'retryEmails' } },
      })
      expect(docs.filter((d) => d.waitUntil)).toHaveLength(1)
      return docs.find((d) => d.waitUntil)!
    })
    expect(job.queue).toBe('email')
    const at = Date.parse(job.waitUntil!)
    expect(at - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000)
    expect(new Date(at).getUTCMinutes() % 15).toBe(0)
  })
})

describe('an outage (500 after every retry)', () => {
  it('is resent by the 15-minute job under the same idempotency key, each recipient once', async () => {
    resend.setPlan(() => ({ status: 500 }))
    const addresses = await addOutboxRows(cms.payload, 'outage', 120)
    const requestsFor = () => requestsTo(addresses)
    await sendOutbox(cms.payload)
    const failed = await rowsOf('outage')
    expect(failed.every((r) => r.status === 'failed' && r.failure === 'outage')).toBe(true)
    const keys = new Set(failed.map((r) => r.batchKey))
    expect(keys.size).toBe(2)
    // Every batch was retried (RESEND_MAX_ATTEMPTS) under its key.
    expect(requestsFor().map((r) => r.status)).toEqual(Array(6).fill(500))

    resend.setPlan(undefined)
    await queueTask(cms.payload, 'retryEmails', {})
    await expectEachOnce(addresses)
    const retried = requestsFor().filter((r) => r.status === 200)
    expect(new Set(retried.map((r) => r.idempotencyKey))).toEqual(keys)
  })
})

describe('an address the provider refuses', () => {
  let id: number | string
  let token: string
  const resendRequest = (body: unknown, auth = true) =>
    fetch(`${cms.url}/api/email-deliveries/resend`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: `JWT ${token}` } : {}),
      },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    await cms.payload.create({
      collection: 'users',
      data: { email: 'redaktion@example.de', password: 'geheim-123456', name: 'Redaktion' },
    })
    const login = await fetch(`${cms.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'redaktion@example.de', password: 'geheim-123456' }),
    })
    token = ((await login.json()) as { token: string }).token
  })

  it('fails alone and is not resent automatically', async () => {
    const others = await addOutboxRows(cms.payload, 'refused', 3)
    await addOutboxRows(cms.payload, 'refused-one', 1, { to: REFUSED })
    await sendOutbox(cms.payload)
    expect(deliveredTo(others).sort()).toEqual(others.sort())
    const [row] = await rowsOf('refused-one')
    expect(row).toMatchObject({ status: 'failed', failure: 'recipient' })
    expect(row!.lastError).toMatch(/^422/)
    id = row!.id

    const requests = resend.requests.length
    await resumeJobs(cms.payload)
    await cms.payload.jobs.run({ queue: 'email' })
    expect((await rowsOf('refused-one'))[0]).toMatchObject({ status: 'failed' })
    expect(resend.requests.length).toBe(requests)
    // One refused address is not "sending fails".
    expect(mailNotices(await readMailState(cms.payload))).toEqual([])
  })

  it('"Erneut senden" is for editors only and checks its input', async () => {
    expect((await resendRequest({ ids: [id] }, false)).status).toBe(401)
    expect((await resendRequest({ ids: [] })).status).toBe(400)
    expect((await resendRequest({ all: false })).status).toBe(400)
    expect((await rowsOf('refused-one'))[0]).toMatchObject({ status: 'failed' })
  })

  it('"Erneut senden" sends it again under a new key once the address is accepted', async () => {
    const [failed] = await rowsOf('refused-one')
    refusing = false
    const response = await resendRequest({ ids: [id] })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ resent: 1 })
    await expectEachOnce([REFUSED])
    const [sent] = await rowsOf('refused-one')
    expect(sent).toMatchObject({ status: 'sent' })
    expect(sent!.batchKey).not.toBe(failed!.batchKey)
    // Sent rows are never sent twice.
    expect(await (await resendRequest({ all: true })).json()).toEqual({ resent: 0 })
  })
})

describe('a batch interrupted by a crash', () => {
  it('is resumed under its stored idempotency key', async () => {
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString()
    const addresses = await addOutboxRows(cms.payload, 'resumed', 5, {
      batchKey: 'leuchtturm-resumed',
      batchedAt: hourAgo,
    })
    await sendOutbox(cms.payload)
    expect(requestsTo(addresses).map((r) => r.idempotencyKey)).toEqual(['leuchtturm-resumed'])
    expect(deliveredTo(addresses).sort()).toEqual(addresses.sort())
  })

  it('gets a fresh key when its key is older than 23 h (the provider forgets keys after 24 h)', async () => {
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString()
    const addresses = await addOutboxRows(cms.payload, 'stale', 5, {
      batchKey: 'leuchtturm-stale',
      batchedAt: dayAgo,
    })
    await sendOutbox(cms.payload)
    const keys = requestsTo(addresses).map((r) => r.idempotencyKey)
    expect(keys).toHaveLength(1)
    expect(keys[0]).not.toBe('leuchtturm-stale')
    expect((await rowsOf('stale')).every((r) => r.batchKey === keys[0])).toBe(true)
    expect(deliveredTo(addresses).sort()).toEqual(addresses.sort())
  })
})
