import path from 'node:path'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readThreadStamp } from '../../cms/collections/CommentThreads/stamp'
import { importArticles } from '../../cms/content/importArticles'
import {
  apiPaths,
  IDEMPOTENCY_KEY_HEADER,
  type CommentsData,
  type CreatedComment,
} from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { agedFormToken } from '../helpers/formToken'
import { publicApi } from '../helpers/publicApi'

const SLUG = 'social-media-nutzen-mittelstand'
let cms: LocalCms
const api = publicApi(() => cms.url)
let counter = 0
const submission = (extra: Record<string, unknown> = {}) => ({
  name: 'Petra Sommer',
  email: `sicher${++counter}@example.de`,
  body: `Was passiert, wenn der Server mitten im Speichern ausfällt? (${counter})`,
  consent: true,
  formToken: agedFormToken(),
  ...extra,
})
const post = (body: object, key?: string) =>
  api<CreatedComment>(
    'POST',
    apiPaths.comments(SLUG),
    body,
    key ? { [IDEMPOTENCY_KEY_HEADER]: key } : {},
  )
const sqlite = () => (cms.payload.db as unknown as SQLiteAdapter).client
const count = async (collection: 'comments' | 'subscriptions' | 'payload-jobs', where = {}) =>
  (await cms.payload.count({ collection, where, overrideAccess: true })).totalDocs
const publicList = async () =>
  (await api<CommentsData>('GET', `${apiPaths.comments(SLUG)}?sort=oldest`)).json as CommentsData
const setModeration = (moderation: 'all' | 'none') =>
  cms.payload.updateGlobal({ slug: 'comment-settings', data: { moderation } })

beforeAll(async () => {
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
})
afterAll(async () => {
  await cms?.stop()
})

describe('creating a comment', () => {
  it('stores nothing when a step after the insert fails, and a retry with the same key stores it once', async () => {
    await setModeration('none')
    const articleId = (
      await cms.payload.find({ collection: 'articles', where: { slug: { equals: SLUG } } })
    ).docs[0]!.id
    // The subscription request (the last step) fails, as a full disk or a crash there would.
    await sqlite().execute(
      `CREATE TRIGGER refuse_subscription BEFORE INSERT ON subscriptions
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    )
    const body = submission({ notify: 'replies' })
    const key = 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
    const stampBefore = await readThreadStamp(cms.payload, articleId)
    // Jobs queued before may run (and be deleted) meanwhile, and scheduled tasks queue themselves
    // (retryEmails every minute): count only what this request could have queued.
    const since = new Date().toISOString()
    const queuedSince = () =>
      count('payload-jobs', {
        createdAt: { greater_than: since },
        taskSlug: { not_in: ['retryEmails', 'enforceRetention'] },
      })

    const failed = await post(body, key)
    expect(failed.status).toBe(500)
    expect(await count('comments', { authorEmail: { equals: body.email } })).toBe(0)
    expect(await queuedSince()).toBe(0)
    expect(await readThreadStamp(cms.payload, articleId)).toBe(stampBefore)

    await sqlite().execute('DROP TRIGGER refuse_subscription')
    const stored = await post(body, key)
    expect(stored.status).toBe(201)
    const again = await post(body, key)
    expect(again.status).toBe(201)
    expect(again.json.comment).toEqual(stored.json.comment)
    expect(again.json.editToken).not.toBe(stored.json.editToken)

    expect(await count('comments', { authorEmail: { equals: body.email } })).toBe(1)
    expect(await count('subscriptions', { email: { equals: body.email } })).toBe(1)
    const confirmations = await cms.payload.count({
      collection: 'email-deliveries',
      where: { and: [{ to: { equals: body.email } }, { kind: { equals: 'confirmation' } }] },
    })
    expect(confirmations.totalDocs).toBe(1)
    expect(await readThreadStamp(cms.payload, articleId)).not.toBe(stampBefore)
    expect((await publicList()).comments.map((c) => c.id)).toContain(stored.json.comment!.id)

    // Only the newest edit token is valid: the retry rotated it.
    const edit = (token: string) =>
      api(
        'PATCH',
        apiPaths.comment(stored.json.comment!.id),
        { body: 'Nachgetragen.' },
        {
          authorization: `Bearer ${token}`,
        },
      )
    expect((await edit(stored.json.editToken!)).status).toBe(403)
    expect((await edit(again.json.editToken!)).status).toBe(200)
  })

  it('refuses a key sent again with other content, and a malformed key', async () => {
    const key = 'f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f'
    const first = submission()
    expect((await post(first, key)).status).toBe(201)
    const reused = await post({ ...first, body: 'Ein ganz anderer Text.' }, key)
    expect(reused.status).toBe(422)
    expect(reused.json.errors).toEqual([{ field: 'idempotencyKey', message: expect.any(String) }])
    const short = await post(submission(), 'kurz')
    expect(short.status).toBe(400)
    expect(short.json.errors?.[0]?.field).toBe('idempotencyKey')
    expect(await count('comments', { authorEmail: { equals: first.email } })).toBe(1)
  })
})

describe("an author's delete", () => {
  it('keeps a comment with a pending reply as a placeholder, so the reply shows once approved', async () => {
    await setModeration('none')
    const root = await post(submission())
    await setModeration('all')
    const reply = await post(submission({ parent: root.json.comment!.id }))
    expect(reply.json.comment!.status).toBe('pending')

    const deleted = await api('DELETE', apiPaths.comment(root.json.comment!.id), undefined, {
      authorization: `Bearer ${root.json.editToken}`,
    })
    expect(deleted.status).toBe(204)
    // Nothing public holds it now (the placeholder has no visible reply) …
    expect((await publicList()).comments.map((c) => c.id)).not.toContain(root.json.comment!.id)

    // … and once an editor approves the reply, it shows below the placeholder.
    await cms.payload.update({
      collection: 'comments',
      id: reply.json.comment!.id,
      data: { status: 'approved' },
    })
    const shown = (await publicList()).comments.find((c) => c.id === root.json.comment!.id)
    expect(shown).toMatchObject({ deleted: true, author: null, html: '' })
    expect(shown!.replies.map((r) => r.id)).toEqual([reply.json.comment!.id])
  })
})
