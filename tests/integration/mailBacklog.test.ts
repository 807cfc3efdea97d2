import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import { queueTask } from '../../cms/jobs/queues'
import { eventually } from '../../scripts/lib/eventually'
import { startFakeResend, type FakeResend } from '../../scripts/lib/fakeResend'
import { paragraph } from '../../scripts/lib/lexical'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'

/** Rebuilds, notifications and sending run in queues of their own: mail never holds up a publish. */
const BACKLOG = 20_000
let cms: LocalCms
let resend: FakeResend

beforeAll(async () => {
  // A slow provider at Resend's rate: 20,000 emails keep the sender busy for minutes.
  resend = await startFakeResend({ delayMs: 200 })
  Object.assign(process.env, {
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: resend.url,
    RESEND_RATE: '2',
    // The backlog is meant to keep the sender busy, not to wait for tomorrow.
    MAIL_DAILY_LIMIT: '100000',
  })
  cms = await startLocalCms()
  Object.assign(process.env, { SITE_AUTO_REBUILD: 'true', REBUILD_DEBOUNCE_MS: '500' })
  await importArticles(cms.payload, path.resolve('content/articles'))
  const now = new Date().toISOString()
  for (let i = 0; i < BACKLOG; i++) {
    await cms.payload.db.create({
      collection: 'email-deliveries',
      data: {
        eventKey: 'backlog',
        kind: 'comment',
        to: `leser-${i}@example.de`,
        subject: 'Neuer Kommentar',
        text: 'Text',
        status: 'pending',
        createdAt: now,
        updatedAt: now,
      },
    })
  }
  // As after many fan-outs: every one queued a sender job.
  for (let i = 0; i < 40; i++) await queueTask(cms.payload, 'sendEmails', {})
  await eventually(() => expect(resend.requests.length).toBeGreaterThan(0), 30_000)
}, 240_000)
afterAll(async () => {
  await cms?.stop()
  await resend?.stop()
})

describe(`with ${BACKLOG.toLocaleString('en')} emails waiting`, () => {
  it('a published article still reaches the site within its usual build time', async () => {
    const started = Date.now()
    await cms.payload.create({
      collection: 'articles',
      data: {
        title: 'Trotz Warteschlange',
        slug: 'trotz-warteschlange',
        body: paragraph('Da.'),
        _status: 'published',
      },
    })
    const page = () =>
      path.join(fs.realpathSync(process.env.SITE_OUT_DIR!), 'blog/trotz-warteschlange/index.html')
    await eventually(() => expect(fs.existsSync(page())).toBe(true), 60_000)
    const seconds = (Date.now() - started) / 1000
    const pending = (
      await cms.payload.count({
        collection: 'email-deliveries',
        where: { status: { equals: 'pending' } },
      })
    ).totalDocs
    expect(pending).toBeGreaterThan(BACKLOG / 2) // the sender was still busy the whole time
    expect(seconds).toBeLessThan(30)
  }, 90_000)
})
