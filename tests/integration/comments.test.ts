import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import {
  apiPaths,
  articlePath,
  COMMENT_LIMITS,
  EDIT_WINDOW_MS,
  FORM_ANCHORS,
  type CommentsData,
  type CreatedComment,
  type EditedComment,
  type ReactionResult,
} from '../../contract'
import { paragraph } from '../../scripts/lib/lexical'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { agedFormToken } from '../helpers/formToken'
import { publicApi } from '../helpers/publicApi'

const SLUG = 'social-media-nutzen-mittelstand'
const SITE = 'http://localhost:4321'
let cms: LocalCms

const api = publicApi(() => cms.url)

let counter = 0
const valid = (extra: Record<string, unknown> = {}) => ({
  name: 'Wolfgang Klein',
  email: `leser${++counter}@example.de`,
  // Each text once: the same text on the same article within 24 hours is a duplicate (spam).
  body: `Hat jemand eine Idee, wie man kleineren Betrieben Social Media schmackhafter machen kann? (${counter})`,
  consent: true,
  formToken: agedFormToken(),
  ...extra,
})
const post = (body: unknown, slug = SLUG, headers?: Record<string, string>) =>
  api<CreatedComment>('POST', apiPaths.comments(slug), body, headers)
const list = async (sort = 'oldest') =>
  (await api<CommentsData>('GET', `${apiPaths.comments(SLUG)}?sort=${sort}`)).json as CommentsData
const react = (id: string, value: string, headers?: Record<string, string>) =>
  api<ReactionResult>('POST', apiPaths.reactions(id), { value }, headers)
const edit = (id: string, body: string, headers?: Record<string, string>) =>
  api<EditedComment>('PATCH', apiPaths.comment(id), { body }, headers)
const approve = (id: unknown) =>
  cms.payload.update({ collection: 'comments', id: String(id), data: { status: 'approved' } })
const commentCount = async () => (await cms.payload.count({ collection: 'comments' })).totalDocs
const setModeration = (moderation: 'all' | 'first' | 'none', maxDepth = 5) =>
  cms.payload.updateGlobal({ slug: 'comment-settings', data: { moderation, maxDepth } })
async function approvedComment(extra: Record<string, unknown> = {}) {
  const created = await post(valid(extra))
  const id = created.json.comment!.id
  await approve(id)
  return { id, token: created.json.editToken! }
}

beforeAll(async () => {
  // Readers below are told apart by the address a proxy forwards (one hop trusted).
  process.env.TRUST_PROXY = '1'
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
  await cms.payload.create({
    collection: 'articles',
    data: {
      title: 'Geschlossen',
      slug: 'geschlossen',
      body: paragraph('x'),
      commentsOpen: false,
      _status: 'published',
    },
  })
  await cms.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: 'Entwurf', slug: 'entwurf', body: paragraph('x'), _status: 'draft' },
  })
  await cms.payload.create({
    collection: 'articles',
    data: { title: 'Anderer', slug: 'anderer', body: paragraph('x'), _status: 'published' },
  })
})
afterAll(async () => cms?.stop())
afterEach(() => vi.useRealTimers())

describe('posting a comment', () => {
  it('stores a valid comment as pending and answers 201 with an edit token, never the email', async () => {
    await setModeration('first')
    const input = valid()
    const { status, json, text } = await post(input)
    expect(status).toBe(201)
    expect(json.comment).toMatchObject({
      status: 'pending',
      author: { name: 'Wolfgang Klein', url: null },
      parent: null,
      depth: 1,
    })
    expect(json.editToken).toEqual(expect.any(String))
    expect(text).not.toContain(input.email)
    expect((await list()).comments.map((c) => c.id)).not.toContain(json.comment!.id)
  })

  it.each([
    ['name', { name: '' }],
    ['name', { name: 'x'.repeat(COMMENT_LIMITS.name + 1) }],
    ['email', { email: 'keine-adresse' }],
    ['body', { body: '   ' }],
    ['body', { body: 'x'.repeat(COMMENT_LIMITS.body + 1) }],
    ['website', { website: 'ftp://example.com' }],
    ['consent', { consent: false }],
    ['parent', { parent: '999999' }],
  ])('refuses bad %s with 400, a message, and stores nothing', async (field, change) => {
    const before = await commentCount()
    const { status, json } = await post(valid(change))
    expect(status).toBe(400)
    expect(json.errors).toEqual([{ field, message: expect.any(String) }])
    expect(json.errors?.[0]?.message.length).toBeGreaterThan(10)
    expect(await commentCount()).toBe(before)
  })

  it('refuses a parent that is pending or belongs to another article', async () => {
    const pending = await post(valid())
    const other = (await post(valid(), 'anderer')).json.comment!
    await approve(other.id)
    for (const parent of [pending.json.comment!.id, other.id]) {
      const { status, json } = await post(valid({ parent }))
      expect(status).toBe(400)
      expect(json.errors?.[0]?.field).toBe('parent')
    }
  })

  it('answers 404 for unknown or unpublished articles, 409 when comments are closed, 400 for broken JSON', async () => {
    expect((await post(valid(), 'gibt-es-nicht')).status).toBe(404)
    expect((await post(valid(), 'entwurf')).status).toBe(404)
    const closed = await post(valid(), 'geschlossen')
    expect(closed.status).toBe(409)
    expect(closed.json.errors?.[0]?.message).toBe(
      'Die Kommentare zu diesem Artikel sind geschlossen.',
    )
    const broken = await fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    })
    expect(broken.status).toBe(400)
  })

  it('speaks English to readers who prefer it', async () => {
    const { json } = await post(valid({ email: 'nope' }), SLUG, {
      'accept-language': 'en-GB,en;q=0.9',
    })
    expect(json.errors?.[0]?.message).toBe('Please enter a valid email address.')
  })

  it('publishes under policy "first" only for an address its owner confirmed by email', async () => {
    await setModeration('first')
    const email = 'stammleser@example.de'
    const first = (await post(valid({ email }))).json.comment!
    expect(first.status).toBe('pending')
    await approve(first.id)
    // An approved comment is not enough: anyone can type the address.
    const typed = await post(valid({ email: 'StammLeser@Example.de' }))
    expect(typed.json.comment?.status).toBe('pending')
    expect(typed.text).not.toContain(email)
    // A subscription confirmed by email (any scope) is.
    await cms.payload.create({
      collection: 'subscriptions',
      data: { email, scope: 'posts', status: 'confirmed', confirmedAt: new Date().toISOString() },
    })
    const confirmed = await post(valid({ email: 'StammLeser@Example.de' }))
    expect(confirmed.json.comment?.status).toBe('approved')
    expect(confirmed.text).not.toContain(email)
    expect((await list()).comments.map((c) => c.id)).toContain(confirmed.json.comment!.id)
    await setModeration('all')
    expect((await post(valid({ email }))).json.comment?.status).toBe('pending')
    await setModeration('none')
    expect((await post(valid())).json.comment?.status).toBe('approved')
    await setModeration('first')
  })

  it('holds an unconfirmed address under "first" even when a subscription waits for confirmation', async () => {
    await setModeration('first')
    const email = 'wartend@example.de'
    await cms.payload.create({
      collection: 'subscriptions',
      data: { email, scope: 'posts', status: 'pending' },
    })
    expect((await post(valid({ email }))).json.comment?.status).toBe('pending')
  })
})

describe('the no-JS form', () => {
  const form = (fields: Record<string, string>) =>
    fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    })

  it('redirects back to the article with a status anchor', async () => {
    const response = await form({
      name: 'Ohne JS',
      email: 'ohnejs@example.de',
      body: 'Geht auch so.',
      consent: 'on',
      formToken: agedFormToken(),
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(
      `${SITE}${articlePath(SLUG)}#${FORM_ANCHORS.commentWaiting}`,
    )
  })

  it('answers bad input with a page that names the problem and keeps what was typed', async () => {
    const before = await commentCount()
    const formToken = agedFormToken()
    const response = await form({
      name: 'Ohne JS',
      email: 'kaputt',
      body: 'Mein <langer> Text',
      consent: 'on',
      formToken,
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Bitte geben Sie eine gültige E-Mail-Adresse an.')
    expect(html).toContain('Mein &lt;langer&gt; Text')
    expect(html).toContain('value="Ohne JS"')
    // The form's first token goes along: the time it was first shown still counts.
    expect(html).toContain(`<input type="hidden" name="formToken" value="${formToken}">`)
    expect(await commentCount()).toBe(before)
  })
})

describe('reading comments', () => {
  it('shows approved comments as a tree with stats, rendered safely, without emails', async () => {
    await setModeration('all')
    const root = await approvedComment({
      body: 'Siehe http://ibmexperts.computerwoche.de/forum <script>alert(1)</script> *wichtig*',
    })
    const reply = await approvedComment({ parent: root.id, name: 'Antje' })
    await approvedComment({ parent: reply.id, name: 'Bernd' })
    await post(valid({ parent: root.id, name: 'Noch nicht frei' }))

    const response = await api<CommentsData>('GET', apiPaths.comments(SLUG))
    expect(response.text).not.toMatch(/@example\.de/)
    const { comments, stats } = response.json as CommentsData
    const thread = comments.find((c) => c.id === root.id)!
    expect(thread.html).toContain(
      '<a href="http://ibmexperts.computerwoche.de/forum" rel="nofollow ugc noopener">',
    )
    expect(thread.html).toContain('&lt;script&gt;')
    expect(thread.html).toContain('<em>wichtig</em>')
    expect(thread.replies.map((r) => r.author?.name)).toEqual(['Antje'])
    expect(thread.replies[0]!.replies.map((r) => r.author?.name)).toEqual(['Bernd'])
    expect(JSON.stringify(comments)).not.toContain('Noch nicht frei')
    expect(stats).toMatchObject({ followers: 0, hottestThread: root.id })
    expect(stats.threads).toBe(comments.length)
    expect(Number(stats.replies)).toBeGreaterThanOrEqual(2)
  })

  it('sorts threads newest, oldest or top, and refuses other sorts', async () => {
    const oldest = (await list('oldest')).comments.map((c) => c.id)
    expect((await list('newest')).comments.map((c) => c.id)).toEqual([...oldest].reverse())
    expect((await api('GET', `${apiPaths.comments(SLUG)}?sort=random`)).status).toBe(400)
    expect((await api('GET', apiPaths.comments('entwurf'))).status).toBe(404)
  })

  it('attaches replies below the maximum depth at the maximum depth', async () => {
    await setModeration('none', 2)
    const root = await approvedComment()
    const child = await approvedComment({ parent: root.id })
    const deep = (await post(valid({ parent: child.id }))).json.comment!
    expect(deep).toMatchObject({ parent: root.id, depth: 2 })
    await setModeration('first', 5)
  })
})

describe('reactions', () => {
  it('keeps one vote per reader, moves it, and takes it back', async () => {
    const { id } = await approvedComment()
    const readerA = {
      'x-reader-token': 'reader-a-0123456789abcdef',
      'x-forwarded-for': '203.0.113.1',
    }
    const readerB = {
      'x-reader-token': 'reader-b-0123456789abcdef',
      'x-forwarded-for': '203.0.113.2',
    }
    expect((await react(id, 'up', readerA)).json).toEqual({ up: 1, down: 0, mine: 'up' })
    expect((await react(id, 'up', readerB)).json).toEqual({ up: 2, down: 0, mine: 'up' })
    expect((await react(id, 'down', readerA)).json).toEqual({ up: 1, down: 1, mine: 'down' })
    expect((await react(id, 'down', readerA)).json).toEqual({ up: 1, down: 0, mine: null })
    expect((await list()).stats.mostReacted).not.toBeNull()
  })

  it('remembers a reader without a token by a cookie', async () => {
    const { id } = await approvedComment()
    const first = await react(id, 'up')
    const cookie = first.headers.get('set-cookie')?.split(';')[0]
    expect(cookie).toMatch(/^lt_reader=/)
    expect((await react(id, 'up', { cookie: cookie! })).json).toEqual({
      up: 0,
      down: 0,
      mine: null,
    })
  })

  it('refuses bad values and comments that are not public', async () => {
    const { id } = await approvedComment()
    expect((await react(id, 'love')).json.errors?.[0]?.field).toBe('value')
    const pending = (await post(valid())).json.comment!
    expect((await react(pending.id, 'up')).status).toBe(404)
  })
})

describe('authors editing and deleting', () => {
  it('edits with the token within 15 minutes, not without it, not later', async () => {
    const { id, token } = await approvedComment()
    expect((await edit(id, 'Neu')).status).toBe(401)
    expect((await edit(id, 'Neu', { authorization: 'Bearer falsch' })).status).toBe(403)
    expect((await edit(id, '', { authorization: `Bearer ${token}` })).json.errors?.[0]?.field).toBe(
      'body',
    )
    const edited = await edit(id, 'Korrigiert **fett**', { authorization: `Bearer ${token}` })
    expect(edited.status).toBe(200)
    expect(edited.json.comment).toMatchObject({
      html: '<p>Korrigiert <strong>fett</strong></p>',
      editedAt: expect.any(String),
    })

    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + EDIT_WINDOW_MS + 60_000)
    const late = await edit(id, 'Zu spät', { authorization: `Bearer ${token}` })
    expect(late.status).toBe(403)
    expect(late.json.errors?.[0]?.message).toMatch(/15 Minuten/)
  })

  it('deletes a comment without replies entirely, and keeps a thread as "deleted"', async () => {
    await setModeration('none')
    const lonely = await approvedComment()
    expect(
      (
        await api('DELETE', apiPaths.comment(lonely.id), undefined, {
          authorization: `Bearer ${lonely.token}`,
        })
      ).status,
    ).toBe(204)
    expect(
      await cms.payload.count({ collection: 'comments', where: { id: { equals: lonely.id } } }),
    ).toMatchObject({ totalDocs: 0 })

    const root = await approvedComment({ name: 'Bald gelöscht', email: 'weg@example.de' })
    await approvedComment({ parent: root.id, name: 'Antwortende' })
    expect(
      (
        await api('DELETE', apiPaths.comment(root.id), undefined, {
          authorization: `Bearer ${root.token}`,
        })
      ).status,
    ).toBe(204)
    const shown = (await list()).comments.find((c) => c.id === root.id)!
    expect(shown).toMatchObject({ deleted: true, author: null, html: '' })
    expect(shown.replies.map((r) => r.author?.name)).toEqual(['Antwortende'])
    const stored = await cms.payload.findByID({ collection: 'comments', id: root.id })
    expect(stored).toMatchObject({ authorName: '', body: '' })
    expect(stored.authorEmail ?? null).toBeNull()
    await setModeration('first')
  })
})

describe('access', () => {
  it('lets the public neither read nor change comments through Payload REST', async () => {
    const { id } = await approvedComment()
    expect((await fetch(`${cms.url}/api/comments`)).status).toBe(403)
    expect((await fetch(`${cms.url}/api/comment-reactions`)).status).toBe(403)
    const pending = (await post(valid())).json.comment!
    const patch = await fetch(`${cms.url}/api/comments/${pending.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(patch.status).toBe(403)
    expect((await cms.payload.findByID({ collection: 'comments', id: pending.id })).status).toBe(
      'pending',
    )
    expect((await fetch(`${cms.url}/api/comments/${id}`, { method: 'DELETE' })).status).toBe(403)
  })

  it('allows only the site origin through CORS', async () => {
    const preflight = await fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
      method: 'OPTIONS',
      headers: {
        origin: SITE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-reader-token',
      },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Reader-Token/i)
    const foreign = await fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
      headers: { origin: 'https://evil.example' },
    })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })
})
