import { afterAll, describe, expect, it } from 'vitest'
import { commentAnchor } from '../../contract'
import { eventually } from '../../scripts/lib/eventually'
import { startFakeResend } from '../../scripts/lib/fakeResend'
import { postComment } from '../../scripts/lib/seedSubscribers'
import { tempEnv } from '../../scripts/lib/tempEnv'
import { startCmsProcess } from '../helpers/cmsProcess'

const SUBSCRIBERS = 1000
const temp = tempEnv()
const processes: { kill: () => Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()))
  temp.cleanup()
})

describe('a fan-out interrupted by a crash', () => {
  it('resumes after a restart, without loss and without duplicates', async () => {
    // A slow provider, so the crash lands in the middle of the sending.
    const resend = await startFakeResend({ delayMs: 150 })
    const env = {
      ...temp.env,
      RESEND_API_KEY: 're_test',
      RESEND_BASE_URL: resend.url,
      RESEND_RATE: '5',
      RESEND_BACKOFF_MS: '20',
      MAIL_DAILY_LIMIT: '100000',
    }
    const first = await startCmsProcess({ ...env, SEED_SUBSCRIBERS: String(SUBSCRIBERS) })
    processes.push(first)
    const id = await postComment(first.url)
    const forComment = () =>
      resend.delivered.filter((m) => m.text.includes(`#${commentAnchor(id)}`)).map((m) => m.to[0]!)

    await eventually(() => expect(resend.requests.length).toBeGreaterThanOrEqual(3), 60_000)
    await first.kill()
    const beforeRestart = forComment().length
    expect(beforeRestart).toBeLessThan(SUBSCRIBERS)

    // No request reaches the restarted CMS: it resumes on its own.
    const second = await startCmsProcess(env)
    processes.push(second)
    await eventually(() => expect(forComment()).toHaveLength(SUBSCRIBERS), 60_000)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const delivered = forComment()
    expect(delivered).toHaveLength(SUBSCRIBERS)
    expect(new Set(delivered).size).toBe(SUBSCRIBERS)
    await second.kill()
    await resend.stop()
  }, 180_000)
})
