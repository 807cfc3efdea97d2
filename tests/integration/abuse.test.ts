import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { editorNoticeStarted } from '../../cms/collections/Comments/hooks/queueNotifications'
import { mintFormToken } from '../../cms/spam/formToken'
import { importArticles } from '../../cms/content/importArticles'
import {
  apiPaths,
  FORM_ANCHORS,
  FORM_TOKEN_HEADER,
  FORM_TOKEN_MAX_AGE_MS,
  MIN_FILL_MS,
  type CommentsData,
  type PublicComment,
  type CreatedComment,
  type EditedComment,
  type FormTokenResult,
  type ReactionResult,
  type ShareCount,
} from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { agedFormToken } from '../helpers/formToken'
import { publicApi } from '../helpers/publicApi'

/** Abuse protection of the public comment API: spam, moderation that holds, votes, share clicks. */

const SLUG = 'social-media-nutzen-mittelstand'
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'
let cms: LocalCms
const api = publicApi(() => cms.url)

let counter = 0
const valid = (extra: Record<string, unknown> = {}) => ({
  name: 'Gerda Gründlich',
  email: `gerda${++counter}@example.de`,
  body: `Ein ernst gemeinter Beitrag Nummer ${counter} zur Diskussion.`,
  consent: true,
  formToken: agedFormToken(),
  ...extra,
})
const post = (body: unknown) => api<CreatedComment>('POST', apiPaths.comments(SLUG), body)
const list = async () =>
  (await api<CommentsData>('GET', apiPaths.comments(SLUG))).json as CommentsData
/** The ids of every public comment (threads and replies): what readers can see. */
const publicIds = async (): Promise<string[]> => {
  const walk = (list: PublicComment[]): string[] => list.flatMap((c) => [c.id, ...walk(c.replies)])
  return walk((await list()).comments)
}
const stored = (id: string) => cms.payload.findByID({ collection: 'comments', id })
const setSettings = (data: Record<string, unknown>) =>
  cms.payload.updateGlobal({ slug: 'comment-settings', data })
const editorNotices = (queue: { mock: { calls: unknown[][] } }) =>
  queue.mock.calls.filter(([args]) => (args as { task?: string }).task === 'notifyEditors').length

/** The answer's shape with what the poster typed and the ids taken out: must be the same for spam. */
const shapeOf = (answer: { status: number; json: Partial<CreatedComment> }) => ({
  status: answer.status,
  keys: Object.keys(answer.json).sort(),
  comment: {
    ...answer.json.comment,
    id: 'x',
    html: 'x',
    body: 'x',
    createdAt: 'x',
    author: 'x',
  },
})

beforeAll(async () => {
  // Clients are told apart by the address a proxy forwards (one hop trusted).
  process.env.TRUST_PROXY = '1'
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
  await setSettings({
    moderation: 'first',
    maxLinks: 2,
    blocklist: '# Notiz\nViagra\nspammer@example.com\nwerbung.example',
  })
})
afterAll(async () => cms?.stop())
afterEach(() => vi.restoreAllMocks())

describe('spam', () => {
  const spam: [string, string, () => Record<string, unknown>][] = [
    ['honeypot', 'honeypot', () => valid({ homepage: 'https://bot.example' })],
    ['fast post', 'tooFast', () => valid({ formToken: mintFormToken(Date.now() - 1000) })],
    ['missing token', 'tokenMissing', () => valid({ formToken: undefined })],
    ['forged token', 'tokenMissing', () => valid({ formToken: `${Date.now() - 60_000}.forged` })],
    [
      'too many links',
      'tooManyLinks',
      () => valid({ body: 'Seht http://a.example, https://b.example/x und www.c.example!' }),
    ],
    ['blocked word', 'blockedWord', () => valid({ body: 'Billiges VIAGRA hier.' })],
    ['blocked email', 'blockedEmail', () => valid({ email: 'Spammer@Example.com' })],
    ['blocked domain (email)', 'blockedDomain', () => valid({ email: 'a@news.werbung.example' })],
    [
      'blocked domain (website)',
      'blockedDomain',
      () => valid({ website: 'https://werbung.example/' }),
    ],
    [
      'blocked domain (link)',
      'blockedDomain',
      () => valid({ body: 'Mehr unter https://shop.werbung.example/angebot' }),
    ],
  ]

  it.each(spam)(
    'stores a %s as spam, answers like a held comment, never shows it, tells no editor',
    async (_, reason, input) => {
      const queue = vi.spyOn(cms.payload.jobs, 'queue')
      editorNoticeStarted()
      const held = await post(valid())
      expect(held.json.comment?.status).toBe('pending')
      expect(editorNotices(queue)).toBe(1)

      editorNoticeStarted()
      const answer = await post(input())
      expect(shapeOf(answer)).toEqual(shapeOf(held))
      expect(answer.json.editToken).toEqual(expect.any(String))
      const doc = await stored(answer.json.comment!.id!)
      expect(doc).toMatchObject({ status: 'spam', spamReason: reason })
      expect(editorNotices(queue)).toBe(1)
      expect(await publicIds()).not.toContain(answer.json.comment!.id)
    },
  )

  it('stores the same text on the same article within 24 hours as a duplicate', async () => {
    const body = 'Genau dieser Text, zweimal geschickt.'
    const first = await post(valid({ body }))
    expect((await stored(first.json.comment!.id!)).status).toBe('pending')
    const again = await post(valid({ body }))
    expect(again.status).toBe(201)
    expect(again.json.comment?.status).toBe('pending')
    expect(await stored(again.json.comment!.id!)).toMatchObject({
      status: 'spam',
      spamReason: 'duplicate',
    })
  })

  it('counts a duplicate only within 24 hours', async () => {
    const body = 'Ein Text, der nach zwei Tagen wiederkommt.'
    const old = await post(valid({ body }))
    await cms.payload.update({
      collection: 'comments',
      id: old.json.comment!.id!,
      data: { createdAt: new Date(Date.now() - 48 * 3600_000).toISOString() },
    })
    const later = await post(valid({ body }))
    expect((await stored(later.json.comment!.id!)).status).toBe('pending')
  })

  it('publishes nothing for spam even under policy "none", and keeps the links limit adjustable', async () => {
    await setSettings({ moderation: 'none' })
    const fine = await post(valid({ body: 'Zwei Links: https://a.example und https://b.example' }))
    expect(fine.json.comment?.status).toBe('approved')
    const caught = await post(valid({ homepage: 'ich bin ein bot' }))
    expect(caught.json.comment?.status).toBe('pending')
    expect((await stored(caught.json.comment!.id!)).status).toBe('spam')
    await setSettings({ maxLinks: 0 })
    const oneLink = await post(valid({ body: 'Nur https://a.example' }))
    expect((await stored(oneLink.json.comment!.id!)).spamReason).toBe('tooManyLinks')
    await setSettings({ moderation: 'first', maxLinks: 2 })
  })

  it('sends no confirmation email on behalf of spam', async () => {
    const email = 'opfer@example.de'
    await post(valid({ email, notify: 'article', homepage: 'x' }))
    const { totalDocs } = await cms.payload.count({
      collection: 'subscriptions',
      where: { email: { equals: email } },
    })
    expect(totalDocs).toBe(0)
  })

  it('answers a no-JS spam post with the redirect of a held comment', async () => {
    const response = await fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        name: 'Ohne JS',
        email: 'bot@example.de',
        body: 'Ein Formular ohne Token.',
        consent: 'on',
        homepage: 'https://bot.example',
      }).toString(),
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(new RegExp(`#${FORM_ANCHORS.commentWaiting}$`))
  })

  it('refuses an expired form token out loud, and gives a no-JS form a fresh one to send again', async () => {
    const expired = mintFormToken(Date.now() - FORM_TOKEN_MAX_AGE_MS - 60_000)
    const before = (await cms.payload.count({ collection: 'comments' })).totalDocs
    const json = await post(valid({ formToken: expired }))
    expect(json.status).toBe(400)
    expect(json.json.errors?.[0]?.field).toBe('formToken')
    // The island takes the renewed token from the refusal and sends the same text again.
    const islandToken = json.headers.get(FORM_TOKEN_HEADER)
    expect(json.headers.get('access-control-expose-headers')).toContain(FORM_TOKEN_HEADER)
    expect(islandToken).toMatch(/^\d+\.[\w-]+$/)
    const retried = await post(valid({ formToken: islandToken, email: 'insel@example.de' }))
    expect(retried.status).toBe(201)
    expect(await stored(retried.json.comment!.id)).toMatchObject({ spamReason: null })
    await cms.payload.delete({ collection: 'comments', id: retried.json.comment!.id })

    const form = (formToken: string) =>
      fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          name: 'Lange offen',
          email: 'spaet@example.de',
          body: 'Die Seite stand eine Woche offen.',
          consent: 'on',
          formToken,
        }).toString(),
      })
    const page = await form(expired)
    expect(page.status).toBe(400)
    const html = await page.text()
    expect(html).toContain('zu lange geöffnet')
    const renewed = /name="formToken" value="([^"]+)"/.exec(html)?.[1]
    expect(renewed).toBeDefined()
    expect(renewed).not.toBe(expired)
    expect((await cms.payload.count({ collection: 'comments' })).totalDocs).toBe(before)

    // Sent again at once with the page's token: a reader's comment, not spam.
    const again = await form(renewed!)
    expect(again.status).toBe(303)
    const { docs } = await cms.payload.find({
      collection: 'comments',
      where: { authorEmail: { equals: 'spaet@example.de' } },
    })
    expect(docs[0]).toMatchObject({ status: 'pending', spamReason: null })
  })

  it('hands out form tokens: in a header of the comments GET and from /form-token', async () => {
    const before = Date.now()
    const listed = await api('GET', apiPaths.comments(SLUG))
    const header = listed.headers.get(FORM_TOKEN_HEADER)
    expect(header).toMatch(/^\d+\.[\w-]+$/)
    expect(Number(header!.split('.')[0])).toBeGreaterThanOrEqual(before)
    expect(listed.headers.get('access-control-expose-headers')).toContain(FORM_TOKEN_HEADER)
    const minted = await api<FormTokenResult>('GET', apiPaths.formToken)
    expect(minted.headers.get('cache-control')).toBe('no-store')
    const formToken = minted.json.formToken!

    // Right away it is too fast; after MIN_FILL_MS it is a reader's post.
    const fast = await post(valid({ formToken }))
    expect((await stored(fast.json.comment!.id!)).spamReason).toBe('tooFast')
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS + 100))
    const later = await post(valid({ formToken }))
    expect((await stored(later.json.comment!.id!)).status).toBe('pending')
  })
})

describe('moderation', () => {
  it('holds an approved comment again after its author edits it (policies "first" and "all")', async () => {
    for (const moderation of ['first', 'all'] as const) {
      await setSettings({ moderation })
      const created = await post(valid())
      const id = created.json.comment!.id!
      await cms.payload.update({ collection: 'comments', id, data: { status: 'approved' } })
      expect(await publicIds()).toContain(id)

      const queue = vi.spyOn(cms.payload.jobs, 'queue')
      editorNoticeStarted()
      const edited = await api<EditedComment>(
        'PATCH',
        apiPaths.comment(id),
        { body: 'Jetzt steht hier etwas ganz anderes.' },
        { authorization: `Bearer ${created.json.editToken}` },
      )
      expect(edited.status).toBe(200)
      expect(edited.json.comment?.status).toBe('pending')
      expect((await stored(id)).status).toBe('pending')
      expect(await publicIds()).not.toContain(id)
      expect(editorNotices(queue)).toBe(1)
      vi.restoreAllMocks()
    }
    await setSettings({ moderation: 'first' })
  })

  it('keeps an edited comment published under policy "none"', async () => {
    await setSettings({ moderation: 'none' })
    const created = await post(valid())
    expect(created.json.comment?.status).toBe('approved')
    const edited = await api<EditedComment>(
      'PATCH',
      apiPaths.comment(created.json.comment!.id!),
      { body: 'Kleine Korrektur.' },
      { authorization: `Bearer ${created.json.editToken}` },
    )
    expect(edited.json.comment?.status).toBe('approved')
    expect(JSON.stringify(await list())).toContain('Kleine Korrektur.')
    await setSettings({ moderation: 'first' })
  })

  it('keeps a spam comment spam when its author edits it', async () => {
    const created = await post(valid({ homepage: 'bot' }))
    await api(
      'PATCH',
      apiPaths.comment(created.json.comment!.id!),
      { body: 'Jetzt harmlos.' },
      { authorization: `Bearer ${created.json.editToken}` },
    )
    expect((await stored(created.json.comment!.id!)).status).toBe('spam')
  })
})

describe('votes', () => {
  const react = (id: string, value: string, headers: Record<string, string>) =>
    api<ReactionResult>('POST', apiPaths.reactions(id), { value }, headers)
  async function approvedComment() {
    const created = await post(valid())
    const id = created.json.comment!.id!
    await cms.payload.update({ collection: 'comments', id, data: { status: 'approved' } })
    return id
  }
  const token = (n: number) => ({ 'x-reader-token': `fresh-reader-token-${n}-0123456789` })

  it('counts one vote per client per comment, however many reader tokens it brings', async () => {
    const id = await approvedComment()
    const client = { 'x-forwarded-for': '203.0.113.7' }
    expect((await react(id, 'up', { ...client, ...token(1) })).json).toEqual({
      up: 1,
      down: 0,
      mine: 'up',
    })
    for (const n of [2, 3, 4])
      expect((await react(id, 'up', { ...client, ...token(n) })).json).toEqual({
        up: 1,
        down: 0,
        mine: 'up',
      })
    // A new token from the same client moves the one vote instead of adding one.
    expect((await react(id, 'down', { ...client, ...token(5) })).json).toEqual({
      up: 0,
      down: 1,
      mine: 'down',
    })
    // Another client still votes.
    expect(
      (await react(id, 'up', { 'x-forwarded-for': '198.51.100.2', ...token(6) })).json,
    ).toEqual({ up: 1, down: 1, mine: 'up' })
    const rows = await cms.payload.find({
      collection: 'comment-reactions',
      where: { comment: { equals: id } },
    })
    expect(rows.totalDocs).toBe(2)
    // Only a keyed hash of the address is stored.
    expect(JSON.stringify(rows.docs)).not.toContain('203.0.113.7')
  })

  it('takes the last hop of X-Forwarded-For as the client', async () => {
    const id = await approvedComment()
    await react(id, 'up', { 'x-forwarded-for': '192.0.2.1, 203.0.113.9', ...token(7) })
    expect(
      (await react(id, 'up', { 'x-forwarded-for': '192.0.2.99, 203.0.113.9', ...token(8) })).json,
    ).toEqual({ up: 1, down: 0, mine: 'up' })
  })
})

describe('share clicks', () => {
  const click = (network: string, userAgent = BROWSER) =>
    fetch(`${cms.url}${apiPaths.share(SLUG, network)}`, {
      redirect: 'manual',
      headers: { 'user-agent': userAgent },
    })
  const total = async () =>
    ((await (await fetch(`${cms.url}${apiPaths.shareCount(SLUG)}`)).json()) as ShareCount).total

  it('counts 20 concurrent clicks, the first ones on a new counter included', async () => {
    const before = await total()
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => click(i % 2 ? 'linkedin' : 'xing')),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(302))
    expect(await total()).toBe(before + 20)
    await Promise.all(Array.from({ length: 20 }, () => click('linkedin')))
    expect(await total()).toBe(before + 40)
  })

  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'WhatsApp/2.23.20.0',
    'curl/8.5.0',
    '',
  ])('redirects but does not count a bot: %j', async (userAgent) => {
    const before = await total()
    const response = await click('email', userAgent)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/^mailto:/)
    expect(await total()).toBe(before)
  })
})
