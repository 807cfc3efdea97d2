import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import type { ErasureCounts } from '../../cms/privacy/erase'
import type { PersonalDataExport } from '../../cms/privacy/export'
import { emailLimitKey } from '../../cms/http/rateLimits'
import { dailyKey, keyedHash } from '../../cms/security/privacyKeys'
import { hashToken } from '../../cms/security/tokens'
import { apiPaths, type CommentsData, type PublicComment } from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { tempEnv } from '../../scripts/lib/tempEnv'
import { loginEditor } from '../helpers/editor'
import { publicApi } from '../helpers/publicApi'
import { runScript } from '../helpers/runScript'

const SLUG = 'social-media-nutzen-mittelstand'
/** The person asking; typed in three ways that all reach one mailbox. */
const ANNA = 'anna.berg@gmail.com'
const ANNA_TYPED = ['Anna.Berg+blog@gmail.com', 'annaberg@googlemail.com']
/** Someone else, on the same domain and with a similar address: must stay untouched. */
const HANNA = 'hanna.berg@gmail.com'

const temp = tempEnv()
let cms: LocalCms
let editorToken: string
const api = publicApi(() => cms.url)
const ids: Record<string, number> = {}
let annaCounters: string[] = []

/** Rows as imports and old data are written: no notifications queued. */
const asImport = { overrideAccess: true, depth: 0, context: { bulkImport: true } } as const

beforeAll(async () => {
  Object.assign(process.env, temp.env)
  cms = await startLocalCms({ reuseEnv: true })
  await importArticles(cms.payload, path.resolve('content/articles'))
  editorToken = (await loginEditor(cms)).token
  const article = (
    await cms.payload.find({ collection: 'articles', where: { slug: { equals: SLUG } } })
  ).docs[0]!.id
  const comment = async (name: string, email: string, parent?: number) =>
    (
      await cms.payload.create({
        ...asImport,
        collection: 'comments',
        data: {
          article,
          parent,
          depth: parent ? 2 : 1,
          status: 'approved',
          authorName: name,
          authorEmail: email,
          authorUrl: `https://${name.toLowerCase().replace(' ', '-')}.example`,
          body: `Ein Beitrag (${parent ?? 'neu'}).`,
          editTokenHash: hashToken(`token-${name}-${parent ?? 0}`),
          consentAt: new Date().toISOString(),
        },
      })
    ).id
  ids.annaRoot = await comment('Anna Berg', ANNA_TYPED[0]!)
  ids.hannaReply = await comment('Hanna Berg', HANNA, ids.annaRoot)
  ids.annaReply = await comment('Anna Berg', ANNA_TYPED[1]!, ids.hannaReply)
  ids.hannaRoot = await comment('Hanna Berg', HANNA)

  const subscription = async (email: string) =>
    (
      await cms.payload.create({
        ...asImport,
        collection: 'subscriptions',
        data: { email, scope: 'article', article, status: 'confirmed' },
      })
    ).id
  ids.annaSub = await subscription(ANNA)
  ids.hannaSub = await subscription(HANNA)
  await cms.payload.create({
    ...asImport,
    collection: 'digest-items',
    data: { subscription: ids.annaSub, comment: ids.hannaRoot, kind: 'comment' },
  })
  await cms.payload.create({
    ...asImport,
    collection: 'digest-items',
    data: { subscription: ids.hannaSub, comment: ids.annaRoot, kind: 'comment' },
  })
  for (const [n, comment] of [ids.annaRoot, ids.hannaRoot].entries())
    await cms.payload.create({
      ...asImport,
      collection: 'comment-reactions',
      data: {
        comment: comment!,
        readerHash: `reader-${n}`,
        clientHash: `client-${n}`,
        value: 'up',
      },
    })

  const email = (
    to: string,
    eventKey: string,
    kind: 'confirmation' | 'comment' | 'editor',
    text = `Text für ${to}`,
  ) =>
    cms.payload.create({
      ...asImport,
      collection: 'email-deliveries',
      data: { to, eventKey, kind, subject: `Betreff ${eventKey}`, text, status: 'pending' },
    })
  const quote = (id: number) => `Jemand: Ein Beitrag – https://blog.example/a/#kommentar-${id}\n`
  const adminLink = (id: number) => `(http://cms.example/admin/collections/comments/${id})\n`
  await email('anna.berg+blog@gmail.com', `confirm:${ids.annaSub}:1`, 'confirmation')
  await email(HANNA, `confirm:${ids.hannaSub}:1`, 'confirmation')
  // Copies of Anna's comments in other people's emails: the fan-out, a digest, an editors' notice.
  await email(HANNA, `comment:${ids.annaRoot}`, 'comment', quote(ids.annaRoot))
  await email(
    HANNA,
    `digest:${ids.hannaSub}:1`,
    'comment',
    quote(ids.hannaRoot) + quote(ids.annaReply),
  )
  await email(
    'redaktion@example.de',
    `editor:${ids.hannaRoot},${ids.annaReply}`,
    'editor',
    adminLink(ids.hannaRoot) + adminLink(ids.annaReply),
  )
  // Only Hanna's comment, though its link starts like Anna's (kommentar-1 / kommentar-14).
  await email(
    'redaktion@example.de',
    `editor:${ids.hannaRoot}`,
    'editor',
    adminLink(ids.hannaRoot) + `#kommentar-${ids.annaRoot}4`,
  )
  await email(ANNA, `comment:${ids.hannaRoot}`, 'comment')

  const expiresAt = new Date(Date.now() + 3_600_000).toISOString()
  // Keyed as consumeRateLimit keys them: a hash of the mailbox under the day's key.
  const counter = async (limit: string, email: string) =>
    `${limit}:${keyedHash(await dailyKey(cms.payload), `email:${emailLimitKey(email)}`)}`
  annaCounters = [
    await counter('commentEmail.60', 'anna.berg+blog@gmail.com'),
    await counter('subscriptionEmail.600', 'Anna.Berg@googlemail.com'),
  ]
  for (const key of [...annaCounters, await counter('commentEmail.60', HANNA)])
    await cms.payload.db.create({ collection: 'rate-limits', data: { key, points: 1, expiresAt } })
}, 120_000)
afterAll(async () => {
  await cms?.stop()
  temp.cleanup()
})

const privacy = (action: 'export' | 'erase', email: string, token?: string) =>
  api<object>(
    'POST',
    `/api/privacy/${action}`,
    { email },
    token ? { authorization: `JWT ${token}` } : {},
  )
const exported = async (email: string) =>
  (await privacy('export', email, editorToken)).json as PersonalDataExport
const publicThreads = async () =>
  ((await api<CommentsData>('GET', `${apiPaths.comments(SLUG)}?sort=oldest`)).json as CommentsData)
    .comments
const byId = (threads: PublicComment[], id: number): PublicComment | undefined => {
  for (const c of threads) {
    if (c.id === String(id)) return c
    const found = byId(c.replies, id)
    if (found) return found
  }
  return undefined
}

describe('privacy endpoints', () => {
  it('refuse anonymous callers and invalid addresses', async () => {
    expect((await privacy('export', ANNA)).status).toBe(401)
    expect((await privacy('erase', ANNA)).status).toBe(401)
    const bad = await privacy('export', 'keine-adresse', editorToken)
    expect(bad.status).toBe(400)
    expect(bad.json.errors?.[0]?.field).toBe('email')
    // Nothing was erased by the refused calls.
    expect((await exported(ANNA)).comments).toHaveLength(2)
  })
})

describe('export', () => {
  it('holds exactly the mailbox’s data, however the address is typed', async () => {
    for (const typed of [ANNA, ...ANNA_TYPED]) {
      const data = await exported(typed)
      expect(data.mailbox).toBe('annaberg@gmail.com')
      expect(data.comments.map((c) => c.id).sort()).toEqual([ids.annaRoot, ids.annaReply].sort())
      expect(data.comments.every((c) => c.authorName === 'Anna Berg')).toBe(true)
      expect(JSON.stringify(data)).not.toContain('editTokenHash')
      expect(data.subscriptions.map((s) => s.id)).toEqual([ids.annaSub])
      expect(data.digestItems.map((d) => d.subscription)).toEqual([ids.annaSub])
      expect(data.reactionsOnComments).toEqual([
        expect.objectContaining({ comment: ids.annaRoot, value: 'up' }),
      ])
      expect(JSON.stringify(data.reactionsOnComments)).not.toContain('reader-')
      expect(data.emails.map((e) => e.eventKey).sort()).toEqual(
        [`comment:${ids.hannaRoot}`, `confirm:${ids.annaSub}:1`].sort(),
      )
      expect(data.emailsQuotingComments.map((e) => e.eventKey).sort()).toEqual(
        [
          `comment:${ids.annaRoot}`,
          `digest:${ids.hannaSub}:1`,
          `editor:${ids.hannaRoot},${ids.annaReply}`,
        ].sort(),
      )
      expect(JSON.stringify(data.emailsQuotingComments)).not.toContain(HANNA)
      expect(data.rateLimits.map((r) => r.key).sort()).toEqual([...annaCounters].sort())
      expect(JSON.stringify(data)).not.toContain('Hanna Berg')
    }
  })
})

describe('npm run privacy', () => {
  it('refuses an invalid address with one clear line and exit 1', async () => {
    const result = await runScript('scripts/privacy.ts', ['export', 'anna@'], temp.env)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('"anna@" is not a valid email address')
    const unknown = await runScript('scripts/privacy.ts', ['delete', ANNA], temp.env)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('usage: npm run privacy')
  }, 180_000)

  it('exports the same JSON as the admin, to stdout', async () => {
    const result = await runScript('scripts/privacy.ts', ['export', ANNA], temp.env)
    expect(result.code, result.stderr).toBe(0)
    const data = JSON.parse(result.stdout) as PersonalDataExport
    expect(data.comments.map((c) => c.id).sort()).toEqual([ids.annaRoot, ids.annaReply].sort())
    expect(data.emails).toHaveLength(2)
  }, 180_000)
})

describe('erase', () => {
  it('anonymises the comments in their threads, deletes the rest, and leaves others untouched', async () => {
    const result = await runScript('scripts/privacy.ts', ['erase', 'ANNA.BERG@gmail.com'], temp.env)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/commentsAnonymised\s+2\n/)
    expect(result.stdout).toMatch(/subscriptions\s+1\n/)
    expect(result.stdout).toMatch(/digestItems\s+1\n/)
    expect(result.stdout).toMatch(/reactions\s+1\n/)
    expect(result.stdout).toMatch(/emails\s+5\n/)
    expect(result.stdout).toMatch(/rateLimits\s+2\n/)

    // Nothing is found any more, under any spelling.
    const after = await exported(ANNA)
    for (const kind of [
      'comments',
      'subscriptions',
      'digestItems',
      'reactionsOnComments',
      'emails',
      'emailsQuotingComments',
      'rateLimits',
    ] as const)
      expect(after[kind], kind).toEqual([])

    // The comments stay where they were, without name, address, website and edit token.
    for (const id of [ids.annaRoot!, ids.annaReply!]) {
      const stored = await cms.payload.db.findOne<{ id: number } & Record<string, unknown>>({
        collection: 'comments',
        where: { id: { equals: id } },
      })
      expect(stored).toMatchObject({
        authorName: 'Gelöscht',
        authorEmail: null,
        authorUrl: null,
        editTokenHash: null,
        status: 'approved',
      })
    }
    const threads = await publicThreads()
    const root = byId(threads, ids.annaRoot!)!
    expect(root.author).toEqual({ name: 'Gelöscht', url: null })
    expect(root.reactions).toEqual({ up: 0, down: 0 })
    expect(root.replies.map((r) => r.id)).toEqual([String(ids.hannaReply)])
    expect(root.replies[0]!.replies.map((r) => r.id)).toEqual([String(ids.annaReply)])
    expect(root.replies[0]!.author?.name).toBe('Hanna Berg')
    expect(JSON.stringify(threads)).not.toContain('Anna Berg')

    // Hanna keeps everything: comments, subscription, digest item, reaction, emails, counter.
    const hanna = await exported(HANNA)
    expect(hanna.comments).toHaveLength(2)
    expect(hanna.comments.every((c) => c.authorName === 'Hanna Berg')).toBe(true)
    expect(hanna.subscriptions.map((s) => s.id)).toEqual([ids.hannaSub])
    expect(hanna.digestItems).toHaveLength(1)
    expect(hanna.reactionsOnComments).toHaveLength(1)
    expect(hanna.emails.map((e) => e.eventKey)).toEqual([`confirm:${ids.hannaSub}:1`])
    expect(hanna.rateLimits).toHaveLength(1)
    const editorNotices = await cms.payload.find({
      collection: 'email-deliveries',
      where: { to: { equals: 'redaktion@example.de' } },
      overrideAccess: true,
    })
    expect(editorNotices.docs.map((e) => e.eventKey)).toEqual([`editor:${ids.hannaRoot}`])
  }, 180_000)

  it('is idempotent: a second erase (here through the admin endpoint) changes nothing', async () => {
    const second = await privacy('erase', ANNA_TYPED[0]!, editorToken)
    expect(second.status).toBe(200)
    expect(second.json as ErasureCounts).toEqual({
      commentsAnonymised: 0,
      subscriptions: 0,
      digestItems: 0,
      reactions: 0,
      emails: 0,
      rateLimits: 0,
    })
    expect((await exported(HANNA)).comments).toHaveLength(2)
  })
})
