import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import { queueTask } from '../../cms/jobs/queues'
import { dailyKey, DAILY_KEY_PREFIX } from '../../cms/security/privacyKeys'
import { apiPaths, currentConsent, type CreatedComment, type ReactionResult } from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { agedFormToken } from '../helpers/formToken'
import { addOutboxRows } from '../helpers/outboxRows'
import { publicApi } from '../helpers/publicApi'

/** Retention as the privacy page states it, enforced by the `enforceRetention` task; consent versions. */

const SLUG = 'social-media-nutzen-mittelstand'
const CLIENT_IP = '203.0.113.77'
const DAY = 24 * 60 * 60 * 1000
let cms: LocalCms
const api = publicApi(() => cms.url)
const fromClient = { 'x-forwarded-for': CLIENT_IP }

const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString()
const backdate = (collection: CollectionSlug, id: string | number, data: Record<string, unknown>) =>
  cms.payload.db.updateOne({ collection, id, data, returning: false })
const subscriptionOf = async (email: string) =>
  (
    await cms.payload.find({
      collection: 'subscriptions',
      where: { email: { equals: email } },
      depth: 0,
    })
  ).docs[0]
const subscribe = (email: string) =>
  api('POST', apiPaths.subscriptions, { email, scope: 'posts', consent: true }, fromClient)
const postComment = (email: string) =>
  api<CreatedComment>(
    'POST',
    apiPaths.comments(SLUG),
    {
      name: 'Rita Retention',
      email,
      body: 'Ein Beitrag, dessen Spuren nach Fristen verschwinden.',
      consent: true,
      notify: 'replies',
      formToken: agedFormToken(),
    },
    fromClient,
  )
/** Runs the retention task once, as the hourly schedule does. */
async function runRetention() {
  await queueTask(cms.payload, 'enforceRetention', {})
  await cms.payload.jobs.run({ queue: 'privacy' })
}

beforeAll(async () => {
  process.env.TRUST_PROXY = '1'
  process.env.RATE_LIMIT_STORE = 'database'
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
}, 120_000)
afterAll(async () => cms?.stop())

describe('consent versions', () => {
  it('a new comment and its "notify me" request store the current consent versions', async () => {
    const answer = await postComment('rita@example.de')
    expect(answer.status).toBe(201)
    const comment = await cms.payload.findByID({
      collection: 'comments',
      id: answer.json.comment!.id,
    })
    expect(comment.consentVersion).toBe(currentConsent('comment').version)
    expect((await subscriptionOf('rita@example.de'))?.consentVersion).toBe(
      currentConsent('subscription').version,
    )
  })

  it('a subscription request stores the current version', async () => {
    expect((await subscribe('sam@example.de')).status).toBe(202)
    expect((await subscriptionOf('sam@example.de'))?.consentVersion).toBe(
      currentConsent('subscription').version,
    )
  })
})

describe('the retention task', () => {
  it('is scheduled hourly on the privacy queue', async () => {
    await cms.payload.jobs.handleSchedules({ queue: 'privacy' })
    const { docs } = await cms.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'enforceRetention' } },
    })
    const scheduled = docs.filter((job) => job.waitUntil)
    expect(scheduled).toHaveLength(1)
    expect(scheduled[0]!.queue).toBe('privacy')
    expect(Date.parse(scheduled[0]!.waitUntil!) - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000)
  })

  it('deletes unconfirmed requests after 7 days and keeps newer ones', async () => {
    await subscribe('alt@example.de')
    await subscribe('neu@example.de')
    const old = (await subscriptionOf('alt@example.de'))!
    await backdate('subscriptions', old.id, { confirmExpiresAt: daysAgo(0.01) })
    await runRetention()
    expect(await subscriptionOf('alt@example.de')).toBeUndefined()
    expect((await subscriptionOf('neu@example.de'))?.status).toBe('pending')
  })

  it('reduces emails older than 30 days to metadata; newer and pending ones keep everything', async () => {
    const [oldTo] = await addOutboxRows(cms.payload, 'ret-old', 1, {
      status: 'sent',
      html: '<a href="https://cms/confirm?token=geheim">x</a>',
      headers: { 'List-Unsubscribe': '<https://cms/u?t=geheim>' },
      sentAt: daysAgo(31),
      createdAt: daysAgo(31),
    })
    const [newTo] = await addOutboxRows(cms.payload, 'ret-new', 1, {
      status: 'sent',
      createdAt: daysAgo(29),
    })
    await addOutboxRows(cms.payload, 'ret-pending', 1, { createdAt: daysAgo(40) })
    await runRetention()
    const rows = async (eventKey: string) =>
      (
        await cms.payload.find({
          collection: 'email-deliveries',
          where: { eventKey: { equals: eventKey } },
        })
      ).docs
    const [old] = await rows('ret-old')
    expect(old).toMatchObject({ kind: 'comment', status: 'sent', subject: 'Betreff ret-old' })
    expect(old?.text).toBe('')
    expect(old?.html ?? null).toBeNull()
    expect(old?.headers ?? null).toBeNull()
    expect(old?.redactedAt).toBeTruthy()
    expect(old?.to).toMatch(/^[0-9a-f]{32}@redacted\.invalid$/)
    expect(JSON.stringify(old)).not.toContain(oldTo)
    expect((await rows('ret-new'))[0]).toMatchObject({ to: newTo, text: 'Text ret-new' })
    expect((await rows('ret-pending'))[0]?.text).toBe('Text ret-pending')
  })

  it('keeps an unsubscribed address only as its keyed hash; a new request starts over on that row', async () => {
    await subscribe('weg@example.de')
    const row = (await subscriptionOf('weg@example.de'))!
    await backdate('subscriptions', row.id, { status: 'unsubscribed', unsubscribedAt: daysAgo(1) })
    await runRetention()
    const kept = await cms.payload.findByID({ collection: 'subscriptions', id: row.id })
    expect(kept).toMatchObject({ status: 'unsubscribed', scope: 'posts' })
    expect(JSON.stringify(kept)).not.toMatch(/weg@example/)
    expect(kept.targetKey).toMatch(/^redacted:[0-9a-f]{64}$/)

    // The suppression: the same address and target find the row again, which needs double opt-in.
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect((await subscribe('weg@example.de')).status).toBe(202)
    const again = await cms.payload.find({
      collection: 'subscriptions',
      where: { email: { equals: 'weg@example.de' } },
    })
    expect(again.docs.map((d) => [d.id, d.status])).toEqual([[row.id, 'pending']])
    expect(again.docs[0]?.redactedAt ?? null).toBeNull()
  })

  it('hashes rate-limit keys and reaction clients with the day key; clears them after 7 days', async () => {
    const { json } = await postComment('votes@example.de')
    const id = json.comment!.id
    await cms.payload.update({ collection: 'comments', id, data: { status: 'approved' } })
    const vote = await api<ReactionResult>(
      'POST',
      apiPaths.reactions(id),
      { value: 'up' },
      fromClient,
    )
    expect(vote.status).toBe(200)
    const reaction = (
      await cms.payload.find({
        collection: 'comment-reactions',
        where: { comment: { equals: id } },
      })
    ).docs[0]!
    expect(reaction.clientHash).toMatch(/^[0-9a-f]{64}$/)

    const counters = await cms.payload.db.find<{ id: number; key: string }>({
      collection: 'rate-limits',
      pagination: false,
    })
    expect(counters.docs.length).toBeGreaterThan(0)
    expect(counters.docs.map((c) => c.key).join()).not.toMatch(/203\.0\.113|@example/)

    // An old counter (7 days) and a live one; an old reaction keeps its vote, not its client.
    const [first, ...live] = counters.docs
    await backdate('rate-limits', first!.id, { createdAt: daysAgo(8) })
    await backdate('comment-reactions', reaction.id, { createdAt: daysAgo(8) })
    const pastKey = `${DAILY_KEY_PREFIX}${daysAgo(3).slice(0, 10)}`
    await dailyKey(cms.payload, new Date(daysAgo(3)))
    await runRetention()
    const left = await cms.payload.db.find<{ id: number }>({
      collection: 'rate-limits',
      pagination: false,
    })
    expect(left.docs.map((c) => c.id)).not.toContain(first!.id)
    expect(left.docs.length).toBeGreaterThanOrEqual(live.length > 0 ? 1 : 0)
    const forgotten = await cms.payload.findByID({
      collection: 'comment-reactions',
      id: reaction.id,
    })
    expect(forgotten).toMatchObject({ value: 'up', clientHash: null })
    expect(await cms.payload.kv.get(pastKey)).toBeNull()
    expect(
      await cms.payload.kv.get(`${DAILY_KEY_PREFIX}${new Date().toISOString().slice(0, 10)}`),
    ).not.toBeNull()
  })

  it('stores the client address nowhere: not in the database, not in its journal', () => {
    const files = readdirSync(cms.dir, { recursive: true, withFileTypes: true }).filter((f) =>
      f.isFile(),
    )
    expect(files.length).toBeGreaterThan(0)
    for (const file of files)
      expect(readFileSync(path.join(file.parentPath, file.name)).includes(CLIENT_IP)).toBe(false)
  })
})
