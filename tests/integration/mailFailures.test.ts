import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commentAnchor } from '../../contract'
import { eventually } from '../../scripts/lib/eventually'
import { startFakeResend, type FakeResend } from '../../scripts/lib/fakeResend'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { postComment, seedSubscribers } from '../../scripts/lib/seedSubscribers'

/** Resend refuses a whole batch for one address it rejects: that must not cost the other 99. */
const SUBSCRIBERS = 150
const BAD = 'leser-00042@example.de'
let cms: LocalCms
let resend: FakeResend

beforeAll(async () => {
  resend = await startFakeResend({ rejects: (address) => address === BAD })
  Object.assign(process.env, {
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: resend.url,
    RESEND_RATE: '100',
    RESEND_BACKOFF_MS: '20',
  })
  cms = await startLocalCms()
  await seedSubscribers(cms.payload, SUBSCRIBERS)
}, 120_000)
afterAll(async () => {
  await cms?.stop()
  await resend?.stop()
})

describe('an address the provider rejects', () => {
  it('fails alone, with the reason kept; every other follower gets the email once', async () => {
    const id = await postComment(cms.url)
    const delivered = () =>
      resend.delivered.filter((m) => m.text.includes(`#${commentAnchor(id)}`)).map((m) => m.to[0]!)
    await eventually(() => expect(delivered()).toHaveLength(SUBSCRIBERS - 1), 60_000)
    expect(new Set(delivered()).size).toBe(SUBSCRIBERS - 1)
    expect(delivered()).not.toContain(BAD)
    const failed = await eventually(async () => {
      const { docs } = await cms.payload.find({
        collection: 'email-deliveries',
        where: { status: { equals: 'failed' } },
      })
      expect(docs).toHaveLength(1)
      return docs
    })
    expect(failed[0]).toMatchObject({ to: BAD, lastError: expect.stringContaining('422') })
  })
})
