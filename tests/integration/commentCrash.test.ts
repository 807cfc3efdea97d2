import http from 'node:http'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'
import { apiPaths, MAX_THREADS_PER_PAGE, type CommentsData } from '../../contract'
import { eventually } from '../../scripts/lib/eventually'
import { startFakeResend } from '../../scripts/lib/fakeResend'
import { remoteFormToken } from '../../scripts/lib/formToken'
import { FANOUT_SLUG, postComment } from '../../scripts/lib/seedSubscribers'
import { tempEnv } from '../../scripts/lib/tempEnv'
import { startCmsProcess } from '../helpers/cmsProcess'
import {
  commentClients,
  readerAddress,
  type Answer,
  type Submission,
} from '../helpers/commentClients'

const temps: ReturnType<typeof tempEnv>[] = []
const processes: { kill: () => Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()))
  temps.forEach((t) => t.cleanup())
})

/** A CMS process on fresh data: the seed articles, comments published at once, one trusted proxy. */
async function freshCms(extra: Record<string, string> = {}) {
  const temp = tempEnv()
  temps.push(temp)
  const env = { ...temp.env, TRUST_PROXY: '1', SEED_SUBSCRIBERS: '0', ...extra }
  const cms = await startCmsProcess(env)
  processes.push(cms)
  const database = () => createClient({ url: temp.env.DATABASE_URI ?? '' })
  return { cms, env, database }
}

/** Every comment of the article as the public list shows it (all pages), with its stats. */
async function publicComments(cmsUrl: string) {
  const ids: string[] = []
  let first: { data: CommentsData; etag: string | null } | undefined
  for (let page = 1; ; page++) {
    const response = await fetch(
      `${cmsUrl}${apiPaths.comments(FANOUT_SLUG)}?sort=oldest&limit=${MAX_THREADS_PER_PAGE}&page=${page}`,
    )
    const data = (await response.json()) as CommentsData
    first ??= { data, etag: response.headers.get('etag') }
    const walk = (list: CommentsData['comments']) =>
      list.forEach((c) => (ids.push(c.id), walk(c.replies)))
    walk(data.comments)
    if (page >= data.pagination.totalPages) break
  }
  return {
    ids,
    stats: first!.data.stats,
    totalThreads: first!.data.pagination.totalThreads,
    etag: first!.etag,
  }
}

describe('comments under load and crashes', () => {
  it('stores 200 concurrent posts on one article, each once, with the right counts', async () => {
    const { cms } = await freshCms()
    const { submission, send } = commentClients(cms.url)
    await remoteFormToken(cms.url)
    const submissions = Array.from({ length: 200 }, (_, i) => submission(i + 1))
    const answers = await Promise.all(submissions.map((s) => send(s)))
    expect(answers.map((a) => a.status)).toEqual(submissions.map(() => 201))
    const ids = answers.map((a) => a.json!.comment!.id)
    expect(new Set(ids).size).toBe(200)

    const listed = await publicComments(cms.url)
    expect(listed.ids.toSorted()).toEqual(ids.toSorted())
    expect(listed.totalThreads).toBe(200)
    expect(listed.stats).toMatchObject({ threads: 200, replies: 0, authors: 200 })
  }, 180_000)

  it('keeps every acknowledged post after SIGKILL, half of none, and retries of the unanswered store them once', async () => {
    // Jobs stay queued (no runner), so each comment's notification job can be counted afterwards.
    const { cms, env, database } = await freshCms({ RUN_JOBS: 'false' })
    const { submission, send } = commentClients(cms.url)
    await remoteFormToken(cms.url)
    const before = await publicComments(cms.url)

    // Eight readers post one after another each; odd ones ask for reply notifications.
    const notifyOf = (s: Submission) => (s.n % 2 ? 'replies' : 'none')
    const sent: { s: Submission; answer: Answer }[] = []
    let next = 1
    let crashed = false
    const reader = async () => {
      while (!crashed) {
        const s = submission(next++)
        sent.push({ s, answer: await send(s, notifyOf(s)) })
      }
    }
    const readers = Array.from({ length: 8 }, reader)
    await eventually(
      () => expect(sent.filter((x) => x.answer.status === 201).length).toBeGreaterThan(60),
      60_000,
    )
    await cms.kill()
    crashed = true
    await Promise.all(readers)
    const acked = sent.filter((x) => x.answer.status === 201)
    const unanswered = sent.filter((x) => x.answer.status === 0)
    expect(sent.every((x) => x.answer.status === 201 || x.answer.status === 0)).toBe(true)
    expect(unanswered.length).toBeGreaterThan(0)

    const restarted = await startCmsProcess({ ...env, RUN_JOBS: 'false' })
    processes.push(restarted)
    const after = await publicComments(restarted.url)
    const ackedIds = acked.map((x) => x.answer.json!.comment!.id)
    expect(after.ids).toEqual(expect.arrayContaining(ackedIds))

    // Nothing half-written: every stored comment is listed and counted, has its notification
    // job, and its subscription request when it asked for one.
    const db = database()
    const rows = (await db.execute('SELECT id, body, author_email FROM comments')).rows
    expect(after.ids.toSorted()).toEqual(rows.map((r) => String(r.id)).toSorted())
    expect(after.stats.threads).toBe(rows.length)
    expect(after.etag).not.toBe(before.etag)
    const jobs = (
      await db.execute(`SELECT input FROM payload_jobs WHERE task_slug = 'notifyComment'`)
    ).rows.map((r) => (JSON.parse(String(r.input)) as { commentId: string }).commentId)
    expect(jobs.toSorted()).toEqual(rows.map((r) => String(r.id)).toSorted())
    const subscribed = new Set(
      (await db.execute('SELECT email FROM subscriptions')).rows.map((r) => String(r.email)),
    )
    const bySubmission = new Map(sent.map((x) => [x.s.body, x.s]))
    for (const row of rows) {
      const s = bySubmission.get(String(row.body))!
      expect(subscribed.has(String(row.author_email))).toBe(notifyOf(s) === 'replies')
    }

    // The unanswered are sent again with their keys: each is stored exactly once.
    const { send: resend } = commentClients(restarted.url, FANOUT_SLUG, runOf(sent[0]!.s))
    for (const { s } of unanswered) {
      const answer = await resend(s, notifyOf(s))
      expect(answer.status).toBe(201)
    }
    const bodies = (await db.execute('SELECT body FROM comments')).rows.map((r) => String(r.body))
    expect(bodies.toSorted()).toEqual(sent.map((x) => x.s.body).toSorted())
    expect((await publicComments(restarted.url)).stats.threads).toBe(sent.length)
    db.close()
  }, 240_000)

  it('finishes running requests and jobs on SIGTERM, then exits 0', async () => {
    // A slow email provider: the sending job is still running when the signal comes.
    const resend = await startFakeResend({ delayMs: 1500 })
    const { cms, database } = await freshCms({
      SEED_SUBSCRIBERS: '5',
      RESEND_API_KEY: 're_test',
      RESEND_BASE_URL: resend.url,
      MAIL_DAILY_LIMIT: '1000',
    })
    await postComment(cms.url)
    // The sender claims its batch (stores the batch key) right before the provider's slow answer.
    const db = database()
    const claimed = async () =>
      (await db.execute('SELECT count(*) AS n FROM email_deliveries WHERE batch_key IS NOT NULL'))
        .rows[0]!.n
    await eventually(async () => expect(Number(await claimed())).toBeGreaterThan(0), 30_000)
    expect(resend.requests).toHaveLength(0)

    // A request still arriving when the signal comes (its body is half sent).
    const formToken = await remoteFormToken(cms.url)
    const body = JSON.stringify({
      name: 'Späte Leserin',
      email: 'spaet@example.de',
      body: 'Noch unterwegs, als der Server gestoppt wurde.',
      consent: true,
      formToken,
    })
    const answer = new Promise<number>((resolve, reject) => {
      const request = http.request(`${cms.url}${apiPaths.comments(FANOUT_SLUG)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-forwarded-for': readerAddress(7),
        },
      })
      request.on('response', (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      request.on('error', reject)
      request.write(body.slice(0, 20))
      setTimeout(() => request.end(body.slice(20)), 500)
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    const exited = new Promise<number | null>((resolve) => cms.child.once('exit', resolve))
    cms.child.kill('SIGTERM')

    expect(await answer).toBe(201)
    expect(await exited).toBe(0)
    // The batch in flight was sent and recorded: no row is left claimed but unsent.
    const outbox = (await db.execute('SELECT status, batch_key FROM email_deliveries')).rows
    expect(outbox.filter((r) => r.batch_key !== null && r.status !== 'sent')).toEqual([])
    expect(outbox.filter((r) => r.status === 'sent').length).toBeGreaterThanOrEqual(5)
    expect(resend.delivered.length).toBeGreaterThanOrEqual(5)
    db.close()
    await resend.stop()
  }, 120_000)
})

/** The run id commentClients put into a submission's text (so a resend sends the same content). */
const runOf = (s: Submission) => /aus Lauf (\S+):/.exec(s.body)![1]!
