import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commentAnchor } from '../../contract'
import { eventually } from '../../scripts/lib/eventually'
import type { FakeResend } from '../../scripts/lib/fakeResend'
import type { LocalCms } from '../../scripts/lib/localCms'
import { startMailStack, type MailStack } from '../helpers/mailStack'
import { postComment, seedSubscribers } from '../../scripts/lib/seedSubscribers'

const SUBSCRIBERS = 1000
let cms: LocalCms
let resend: FakeResend
let stack: MailStack
let emails: string[]

/** Recipients of one comment's notification, as the fake provider delivered them. */
const linksTo = (commentId: string) => `#${commentAnchor(commentId)}`
const deliveredFor = (commentId: string) =>
  resend.delivered.filter((m) => m.text.includes(linksTo(commentId))).map((m) => m.to[0]!)
const requestsFor = (commentId: string) =>
  resend.requests.filter((r) => r.emails.some((m) => m.text.includes(linksTo(commentId))))

async function fanOutAndWait(): Promise<string> {
  const id = await postComment(cms.url)
  await eventually(() => expect(deliveredFor(id)).toHaveLength(SUBSCRIBERS), 60_000)
  await eventually(async () =>
    expect(
      (
        await cms.payload.count({
          collection: 'email-deliveries',
          where: { status: { not_equals: 'sent' } },
        })
      ).totalDocs,
    ).toBe(0),
  )
  return id
}

const expectEachExactlyOnce = (delivered: string[]) => {
  expect(delivered).toHaveLength(SUBSCRIBERS)
  expect(new Set(delivered)).toEqual(new Set(emails))
}

beforeAll(async () => {
  // Two fan-outs of 1,000 in a day: above the default budget (mailBudget.test.ts tests it).
  stack = await startMailStack({ RESEND_BACKOFF_MS: '20', MAIL_DAILY_LIMIT: '100000' })
  ;({ cms, resend } = stack)
  emails = await seedSubscribers(cms.payload, SUBSCRIBERS)
}, 120_000)
afterAll(() => stack?.stop())

describe(`fan-out of one comment to ${SUBSCRIBERS} subscribers`, () => {
  it('takes at most 10 batch requests and reaches each recipient exactly once', async () => {
    const id = await fanOutAndWait()
    expect(requestsFor(id).length).toBeLessThanOrEqual(10)
    expect(requestsFor(id).every((r) => r.emails.length <= 100 && r.idempotencyKey)).toBe(true)
    expectEachExactlyOnce(deliveredFor(id))
  }, 90_000)

  it('still reaches each exactly once when the provider answers 500 and 429 with retry-after', async () => {
    const start = resend.requests.length
    resend.setPlan((n) =>
      n === start + 1 || n === start + 4
        ? { status: 500 }
        : n === start + 2
          ? { status: 429, retryAfter: 1 }
          : undefined,
    )
    const id = await fanOutAndWait()
    resend.setPlan(undefined)
    const failed = requestsFor(id).filter((r) => r.status !== 200)
    expect(failed.map((r) => r.status).sort()).toEqual([429, 500, 500])
    expectEachExactlyOnce(deliveredFor(id))
  }, 90_000)
})
