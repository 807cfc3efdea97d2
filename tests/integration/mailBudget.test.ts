import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailNotices } from '../../cms/email/mailNotices'
import { readMailState } from '../../cms/email/readMailState'
import type { sendOutbox as SendOutbox } from '../../cms/email/sendOutbox'
import { queueTask } from '../../cms/jobs/queues'
import { eventually } from '../../scripts/lib/eventually'
import type { FakeResend } from '../../scripts/lib/fakeResend'
import type { LocalCms } from '../../scripts/lib/localCms'
import { startMailStack, type MailStack } from '../helpers/mailStack'
import { addOutboxRows, statusesOf } from '../helpers/outboxRows'

/** MAIL_DAILY_LIMIT: confirmations always and first; notifications up to the budget, the rest tomorrow. */
const LIMIT = 50
let cms: LocalCms
let resend: FakeResend
let stack: MailStack
let sendOutbox: typeof SendOutbox

const deliveredTo = (addresses: string[]) =>
  resend.delivered.filter((m) => addresses.includes(m.to[0]!)).map((m) => m.to[0]!)

beforeAll(async () => {
  stack = await startMailStack({ MAIL_DAILY_LIMIT: String(LIMIT) })
  ;({ cms, resend } = stack)
  ;({ sendOutbox } = await import('../../cms/email/sendOutbox'))
}, 120_000)
afterAll(() => stack?.stop())

describe('the daily send budget', () => {
  let comments: string[]

  it('sends notifications up to the budget and keeps the rest pending', async () => {
    comments = await addOutboxRows(cms.payload, 'budget-comment', 80)
    await sendOutbox(cms.payload)
    expect(deliveredTo(comments)).toHaveLength(LIMIT)
    expect(new Set(deliveredTo(comments)).size).toBe(LIMIT)
    expect(resend.requests.every((r) => r.emails.length <= LIMIT)).toBe(true)
    expect(await statusesOf(cms.payload, 'budget-comment')).toEqual({ sent: 50, pending: 30 })
  })

  it('still sends confirmation emails at once, beyond the budget', async () => {
    const confirmations = await addOutboxRows(cms.payload, 'budget-confirm', 3, {
      kind: 'confirmation',
    })
    await sendOutbox(cms.payload)
    expect(deliveredTo(confirmations)).toEqual(confirmations)
    expect(await statusesOf(cms.payload, 'budget-comment')).toEqual({ sent: 50, pending: 30 })
  })

  it('tells the editors why notifications wait', async () => {
    const state = await readMailState(cms.payload)
    expect(state).toMatchObject({ sentToday: 53, limit: LIMIT, waiting: 30 })
    expect(mailNotices(state)).toEqual([
      {
        tone: 'info',
        text: expect.stringMatching(
          /^Tagesbudget erreicht: 53 von 50 gesendet, Benachrichtigungen gehen ab morgen \(0[12]:00 Uhr\) raus.* 30 Benachrichtigungen warten\.$/,
        ),
      },
    ])
  })

  it('sends the held notifications once the day has turned (the 15-minute job)', async () => {
    // The day turns: today's sends become yesterday's.
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString()
    await cms.payload.db.updateMany({
      collection: 'email-deliveries',
      where: { status: { equals: 'sent' } },
      data: { sentAt: yesterday },
    })
    await queueTask(cms.payload, 'retryEmails', {})
    await eventually(() => expect(deliveredTo(comments)).toHaveLength(80), 20_000)
    expect(new Set(deliveredTo(comments)).size).toBe(80)
    expect(await statusesOf(cms.payload, 'budget-comment')).toEqual({ sent: 80 })
    expect(mailNotices(await readMailState(cms.payload))).toEqual([])
  })

  it('sends confirmations before a backlog of notifications that came earlier', async () => {
    process.env.MAIL_DAILY_LIMIT = '100000'
    const backlog = await addOutboxRows(cms.payload, 'backlog', 250)
    const confirmation = await addOutboxRows(cms.payload, 'late-confirm', 1, {
      kind: 'confirmation',
    })
    const start = resend.requests.length
    await sendOutbox(cms.payload)
    const requests = resend.requests.slice(start)
    expect(requests.map((r) => r.emails.length)).toEqual([1, 100, 100, 50])
    expect(requests[0]!.emails[0]!.to).toEqual(confirmation)
    expect(deliveredTo(backlog)).toHaveLength(250)
  })
})
