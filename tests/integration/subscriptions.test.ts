import { agedFormToken } from '../helpers/formToken'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import {
  apiPaths,
  articlePath,
  commentAnchor,
  COMMENT_THREADS_PER_PAGE,
  commentsPagePath,
  FORM_ANCHORS,
  SUBSCRIPTION_PAGES,
  type CommentsData,
  type CreatedComment,
  type SubscribeResult,
} from '../../contract'
import { eventually } from '../../scripts/lib/eventually'
import { startFakeResend, type FakeResend } from '../../scripts/lib/fakeResend'
import { paragraph } from '../../scripts/lib/lexical'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { publicApi } from '../helpers/publicApi'

const SLUG = 'social-media-nutzen-mittelstand'
const SITE = 'http://localhost:4321'
let cms: LocalCms
let resend: FakeResend

const api = publicApi(() => cms.url)

const subscribe = (email: string, scope: string, article: string | undefined = SLUG) =>
  api<SubscribeResult>('POST', apiPaths.subscriptions, { email, scope, article, consent: true })
const linkIn = (text: string, kind: 'confirm' | 'unsubscribe') =>
  new RegExp(`${cms.url}${apiPaths.subscriptions}/${kind}\\?token=[^\\s>"]+`).exec(text)?.[0]
/** Where a confirmation link leads on the site. */
const page = (outcome: keyof typeof SUBSCRIPTION_PAGES) => `${SITE}${SUBSCRIPTION_PAGES[outcome]}`
/** The anchor of one comment in the links notifications carry. */
const linksTo = (commentId: string) => `#${commentAnchor(commentId)}`

/** The public answer to every subscription request, whatever the address's state. */
const SAME_ANSWER = {
  status: 'pending',
  message: 'Wenn die Adresse abonniert werden kann, ist eine Bestätigungs-E-Mail unterwegs.',
}
/** The confirmation page's button: a POST to the link from the email. */
const pressConfirm = (link: string) =>
  fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  })
const rowsOf = async (email: string) =>
  (await cms.payload.find({ collection: 'subscriptions', where: { email: { equals: email } } }))
    .docs

/** Subscribes and confirms through the link in the (fake) email and its page, as a reader would. */
async function confirmedSubscriber(email: string, scope: string, article?: string) {
  expect((await subscribe(email, scope, article)).status).toBe(202)
  const mail = await eventually(() => {
    const found = resend.to(email).find((m) => m.subject.startsWith('Bitte bestätigen'))
    expect(found).toBeDefined()
    return found!
  })
  const confirm = await pressConfirm(linkIn(mail.text, 'confirm')!)
  expect(confirm.headers.get('location')).toBe(page('confirmed'))
}

let written = 0
async function comment(email: string, extra: Record<string, unknown> = {}) {
  const { json } = await api<CreatedComment>('POST', apiPaths.comments(SLUG), {
    name: email.split('@')[0],
    email,
    body: `Kommentar ${++written} von ${email}`,
    consent: true,
    formToken: agedFormToken(),
    ...extra,
  })
  return json.comment!.id
}
const approve = (id: string) =>
  cms.payload.update({ collection: 'comments', id, data: { status: 'approved' } })
/** Waits until the jobs queue is empty (but for the 15-minute mail job, always scheduled) and every email left the outbox. */
const settle = () =>
  eventually(async () => {
    const jobs = await cms.payload.count({
      collection: 'payload-jobs',
      // The scheduled tasks wait for their time (quarter hour, hour).
      where: { taskSlug: { not_in: ['retryEmails', 'enforceRetention'] } },
    })
    expect(jobs.totalDocs).toBe(0)
    expect(
      (
        await cms.payload.count({
          collection: 'email-deliveries',
          where: { status: { equals: 'pending' } },
        })
      ).totalDocs,
    ).toBe(0)
  })

beforeAll(async () => {
  resend = await startFakeResend()
  Object.assign(process.env, {
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: resend.url,
    RESEND_RATE: '50',
    RESEND_BACKOFF_MS: '20',
    EDITOR_EMAIL: 'redaktion@example.de',
  })
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
  // Each comment notifies at once here; digests have tests of their own (digests.test.ts).
  await cms.payload.updateGlobal({
    slug: 'comment-settings',
    data: { moderation: 'all', digestMinutes: 0 },
  })
})
afterAll(async () => {
  await cms?.stop()
  await resend?.stop()
})
beforeEach(() => resend.setPlan(undefined))

describe('double opt-in', () => {
  it.each(['replies', 'article', 'posts'])(
    'sends one confirmation email, with nothing else in it, for scope %s',
    async (scope) => {
      const email = `doi-${scope}@example.de`
      const { status, json } = await subscribe(email, scope, scope === 'posts' ? undefined : SLUG)
      expect(status).toBe(202)
      expect(json).toEqual(SAME_ANSWER)
      await settle()
      const mails = resend.to(email)
      expect(mails).toHaveLength(1)
      expect(mails[0]!.text).toMatch(/bestätigen/)
      expect(mails[0]!.text).not.toMatch(/abbestellen|Newsletter|Angebot/)
      expect(mails[0]!.headers?.['List-Unsubscribe']).toBeUndefined()

      const link = linkIn(mails[0]!.text, 'confirm')!
      // Opening the link (as a mail scanner does) shows a button and confirms nothing.
      for (let i = 0; i < 2; i++) {
        const shown = await fetch(link, { redirect: 'manual' })
        expect(shown.status).toBe(200)
        expect(shown.headers.get('cache-control')).toBe('no-store')
        const body = await shown.text()
        expect(body).toContain('<html lang="de">')
        expect(body).toContain(`<strong>${email}</strong>`)
        expect(body).toMatch(/<form method="post" action="\?token=[\w-]+">/)
        expect(body).toContain('<button type="submit">Jetzt bestätigen</button>')
      }
      expect((await rowsOf(email))[0]).toMatchObject({ status: 'pending' })
      expect((await rowsOf(email))[0]!.confirmedAt ?? null).toBeNull()

      expect((await pressConfirm(link)).headers.get('location')).toBe(page('confirmed'))
      expect((await pressConfirm(link)).headers.get('location')).toBe(page('confirmed'))
      // Once confirmed, the link leads to the same site page without a button.
      expect((await fetch(link, { redirect: 'manual' })).headers.get('location')).toBe(
        page('confirmed'),
      )
      const stored = (
        await cms.payload.find({ collection: 'subscriptions', where: { email: { equals: email } } })
      ).docs[0]!
      expect(stored).toMatchObject({
        status: 'confirmed',
        scope,
        confirmedAt: expect.any(String),
        consentText: expect.any(String),
      })
      expect(JSON.stringify(stored)).not.toContain(link.split('token=')[1])
    },
  )

  it('shows the confirmation page in the language of the request', async () => {
    const email = 'english@example.de'
    await api('POST', apiPaths.subscriptions, { email, scope: 'posts', consent: true, lang: 'en' })
    const mail = await eventually(() => resend.to(email)[0] ?? Promise.reject(new Error('no mail')))
    const body = await (await fetch(linkIn(mail.text, 'confirm')!)).text()
    expect(body).toContain('<html lang="en">')
    expect(body).toContain('<button type="submit">Confirm now</button>')
  })

  it('answers the same for a new, pending, confirmed and throttled address', async () => {
    const email = 'gleich@example.de'
    const answers = [(await subscribe(email, 'article')).json] // new
    answers.push((await subscribe(email, 'article')).json) // pending, throttled for this target
    await settle()
    const link = linkIn(resend.to(email)[0]!.text, 'confirm')!
    await pressConfirm(link)
    answers.push((await subscribe(email, 'article')).json) // confirmed
    for (const answer of answers) expect(answer).toEqual(SAME_ANSWER)
    await settle()
    expect(resend.to(email)).toHaveLength(1)
    const english = await api('POST', apiPaths.subscriptions, {
      email,
      scope: 'article',
      article: SLUG,
      consent: true,
      lang: 'en',
    })
    expect(english.json).toEqual({
      status: 'pending',
      message: 'If the address can be subscribed, a confirmation email is on its way',
    })
  })

  it('does not ask a confirmed address again, but asks again after unsubscribing', async () => {
    const email = 'wieder@example.de'
    await confirmedSubscriber(email, 'article')
    const again = await subscribe(email, 'article')
    expect(again.json).toEqual(SAME_ANSWER)
    await settle()
    expect(resend.to(email)).toHaveLength(1)

    const subscription = (
      await cms.payload.find({ collection: 'subscriptions', where: { email: { equals: email } } })
    ).docs[0]!
    await cms.payload.update({
      collection: 'subscriptions',
      id: subscription.id,
      data: { status: 'unsubscribed' },
    })
    expect((await subscribe(email, 'article')).json.status).toBe('pending')
    await settle()
    expect(resend.to(email)).toHaveLength(2)
  })

  it('refuses unknown, expired and tampered confirmation links', async () => {
    for (const method of ['GET', 'POST'])
      expect(
        (
          await api(method, `${apiPaths.subscriptions}/confirm?token=unknown-token-123456789012345`)
        ).headers.get('location'),
      ).toBe(page('invalid'))
    const email = 'alt@example.de'
    await subscribe(email, 'posts', undefined)
    const mail = await eventually(() => resend.to(email)[0] ?? Promise.reject(new Error('no mail')))
    const subscription = (
      await cms.payload.find({ collection: 'subscriptions', where: { email: { equals: email } } })
    ).docs[0]!
    await cms.payload.update({
      collection: 'subscriptions',
      id: subscription.id,
      data: { confirmExpiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    const link = linkIn(mail.text, 'confirm')!
    expect((await fetch(link, { redirect: 'manual' })).headers.get('location')).toBe(
      page('expired'),
    )
    expect((await pressConfirm(link)).headers.get('location')).toBe(page('expired'))
    expect((await rowsOf(email))[0]!.status).toBe('pending')
  })

  it('throttles repeated requests for one address', async () => {
    const email = 'opfer@example.de'
    expect((await subscribe(email, 'posts', undefined)).status).toBe(202)
    const second = await subscribe(email, 'posts', undefined)
    expect(second.status).toBe(202)
    expect(second.json).toEqual(SAME_ANSWER)
    const other = await cms.payload.create({
      collection: 'articles',
      data: { title: 'Weitere', slug: 'weitere', body: paragraph('x'), _status: 'published' },
    })
    expect(other.slug).toBe('weitere')
    const statuses = []
    for (const scope of ['article', 'replies'])
      for (const slug of [SLUG, 'weitere'])
        statuses.push((await subscribe(email, scope, slug)).status)
    expect(statuses).toEqual([202, 202, 202, 202])
    const sixth = await subscribe(email, 'article', 'weitere')
    expect(sixth.status).toBe(202)
    expect(sixth.json).toEqual(SAME_ANSWER)
    expect((await subscribe('opfer2@example.de', 'article')).status).toBe(202)
    await settle()
    expect(resend.to(email)).toHaveLength(5)
  })

  it('throttles by mailbox: plus tags, Gmail dots and case make no new address', async () => {
    const variants = [
      'anna@gmail.com',
      'anna+1@gmail.com',
      'a.nna@gmail.com',
      'ANNA@gmail.com',
      'a.n.n.a+blog@googlemail.com',
      'anna+2@gmail.com',
    ]
    // Same target: one email, one row, whatever the spelling.
    for (const email of variants.slice(0, 4))
      expect((await subscribe(email, 'posts', undefined)).json).toEqual(SAME_ANSWER)
    await settle()
    const addresses = [...new Set(variants.map((v) => v.toLowerCase()))]
    const mailsTo = () => addresses.flatMap((address) => resend.to(address))
    expect(mailsTo()).toHaveLength(1)
    const rows = await cms.payload.find({
      collection: 'subscriptions',
      where: { targetKey: { equals: 'anna@gmail.com|posts|posts' } },
    })
    expect(rows.totalDocs).toBe(1)
    // Other targets, each asked in another spelling: five confirmation emails a day, then none.
    for (const slug of ['postfach-a', 'postfach-b'])
      await cms.payload.create({
        collection: 'articles',
        data: { title: slug, slug, body: paragraph('x'), _status: 'published' },
      })
    const targets = [
      ['article', SLUG],
      ['replies', SLUG],
      ['article', 'postfach-a'],
      ['replies', 'postfach-a'],
      ['article', 'postfach-b'],
    ] as const
    for (const [i, [scope, slug]] of targets.entries())
      expect((await subscribe(variants[i + 1]!, scope, slug)).json).toEqual(SAME_ANSWER)
    await settle()
    expect(mailsTo()).toHaveLength(5)
    expect(
      (
        await cms.payload.count({
          collection: 'subscriptions',
          where: { targetKey: { contains: 'anna@gmail.com|' } },
        })
      ).totalDocs,
    ).toBe(5)
  })

  it('keeps one row per target under concurrent requests', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        subscribe(i % 2 ? `Gleichzeitig+${i}@example.de` : 'gleichzeitig@example.de', 'article'),
      ),
    )
    for (const answer of answers) expect(answer.json).toEqual(SAME_ANSWER)
    await settle()
    const rows = await cms.payload.find({
      collection: 'subscriptions',
      where: { targetKey: { contains: 'gleichzeitig@example.de|article|' } },
    })
    expect(rows.totalDocs).toBe(1)
    // The database itself refuses a twin, however it is written.
    const { article } = rows.docs[0]!
    await expect(
      cms.payload.create({
        collection: 'subscriptions',
        data: { email: 'GLEICHZEITIG+z@example.de', scope: 'article', article, status: 'pending' },
      }),
    ).rejects.toThrow()
    const mails = Array.from({ length: 10 }, (_, i) =>
      resend.to(i % 2 ? `gleichzeitig+${i}@example.de` : 'gleichzeitig@example.de'),
    )
    expect(new Set(mails.flat()).size).toBe(1)
  })

  it('leaves no confirmed twin after unsubscribing', async () => {
    await confirmedSubscriber('zwilling@example.de', 'posts')
    // Asked again in other spellings while confirmed: still the one row, still confirmed.
    await Promise.all(
      ['Zwilling+neu@example.de', 'zwilling+x@example.de'].map((e) =>
        subscribe(e, 'posts', undefined),
      ),
    )
    const where = { targetKey: { equals: 'zwilling@example.de|posts|posts' } }
    const [row] = (await cms.payload.find({ collection: 'subscriptions', where })).docs
    expect(row).toMatchObject({ status: 'confirmed', email: 'zwilling@example.de' })
    const { unsubscribeTokens } = await import('../../cms/subscriptions/tokens')
    const unsubscribeToken = await unsubscribeTokens(cms.payload)
    await api(
      'POST',
      `${apiPaths.subscriptions}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(row!.id))}`,
    )
    const after = await cms.payload.find({ collection: 'subscriptions', where })
    expect(after.docs.map((d) => d.status)).toEqual(['unsubscribed'])
    expect(
      (
        await cms.payload.count({
          collection: 'subscriptions',
          where: {
            and: [{ email: { contains: 'zwilling' } }, { status: { equals: 'confirmed' } }],
          },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('refuses bad input with the field and a message', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'x', scope: 'posts', consent: true }, 'email'],
      [{ email: 'a@b.de', scope: 'alles', consent: true }, 'scope'],
      [{ email: 'a@b.de', scope: 'article', consent: true }, 'article'],
      [{ email: 'a@b.de', scope: 'posts', consent: false }, 'consent'],
    ]
    for (const [body, field] of cases) {
      const { status, json } = await api('POST', apiPaths.subscriptions, body)
      expect(status).toBe(400)
      expect(json.errors?.[0]?.field).toBe(field)
    }
    expect((await subscribe('a@b.de', 'article', 'gibt-es-nicht')).status).toBe(404)
  })
})

describe('the no-JS subscribe form', () => {
  const form = (fields: Record<string, string>) =>
    fetch(`${cms.url}${apiPaths.subscriptions}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    })

  it('redirects back to the article, mails in the form\'s language, and keeps "posts" free of the article', async () => {
    const response = await form({
      email: 'formular@example.de',
      scope: 'posts',
      article: SLUG,
      consent: 'on',
      lang: 'en',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(
      `${SITE}${articlePath(SLUG)}#${FORM_ANCHORS.subscriptionRequested}`,
    )
    await settle()
    expect(resend.to('formular@example.de')[0]?.subject).toBe(
      'Please confirm: email notifications from Leuchtturm',
    )
    const stored = (
      await cms.payload.find({
        collection: 'subscriptions',
        where: { email: { equals: 'formular@example.de' } },
      })
    ).docs[0]!
    expect(stored).toMatchObject({ scope: 'posts', locale: 'en' })
    expect(stored.article ?? null).toBeNull()
  })

  it('answers bad input with a page that keeps the address', async () => {
    const response = await form({ email: 'formular2@example.de', scope: 'article', article: SLUG })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Bitte stimmen Sie den E-Mail-Benachrichtigungen zu.')
    expect(html).toContain('value="formular2@example.de"')
  })
})

describe('notifications', () => {
  it('tells article followers and the replied-to author once each, never the author, never the unconfirmed', async () => {
    await confirmedSubscriber('folger@example.de', 'article')
    await confirmedSubscriber('erster@example.de', 'replies')
    await confirmedSubscriber('erster@example.de', 'article')
    await confirmedSubscriber('antwortender@example.de', 'article')
    await subscribe('unbestaetigt@example.de', 'article')

    const first = await comment('erster@example.de')
    await approve(first)
    await settle()
    const reply = await comment('antwortender@example.de', { parent: first })
    await approve(reply)
    await settle()

    const about = (email: string, id: string) =>
      resend.to(email).filter((m) => m.text.includes(linksTo(id)))
    expect(about('folger@example.de', reply)).toHaveLength(1)
    expect(about('folger@example.de', reply)[0]!.subject).toBe(
      'Neuer Kommentar zu „Noch kein Social Media Nutzen für den Mittelstand“',
    )
    expect(about('erster@example.de', reply)).toHaveLength(1)
    expect(about('erster@example.de', reply)[0]!.subject).toMatch(
      /^Neue Antwort auf Ihren Kommentar/,
    )
    expect(about('antwortender@example.de', reply)).toHaveLength(0)
    expect(about('erster@example.de', first)).toHaveLength(0)
    expect(
      resend.to('unbestaetigt@example.de').filter((m) => !m.subject.startsWith('Bitte bestätigen')),
    ).toHaveLength(0)

    const mail = about('folger@example.de', reply)[0]!
    expect(mail.html).toContain(`${SITE}${articlePath(SLUG)}${linksTo(reply)}`)
    expect(mail.text).toMatch(/Benachrichtigungen abbestellen: http/)
    expect(mail.headers).toMatchObject({
      'List-Unsubscribe': expect.stringMatching(
        /^<http:\/\/.+\/api\/public\/subscriptions\/unsubscribe\?token=.+>$/,
      ),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': expect.stringContaining('Leuchtturm'),
    })
    const listing = (await api<CommentsData>('GET', apiPaths.comments(SLUG))).json as CommentsData
    expect(listing.stats.followers).toBeGreaterThanOrEqual(3)
  })

  it('notifies nobody of comments brought in by a bulk import', async () => {
    await confirmedSubscriber('import-leser@example.de', 'article')
    const article = (
      await cms.payload.find({ collection: 'articles', where: { slug: { equals: SLUG } } })
    ).docs[0]!
    const imported = await cms.payload.create({
      collection: 'comments',
      context: { bulkImport: true },
      data: {
        article: article.id,
        authorName: 'Alt',
        authorEmail: 'alt@example.de',
        body: 'Aus dem alten Blog.',
        status: 'approved',
        depth: 1,
      },
    })
    await settle()
    expect(
      resend
        .to('import-leser@example.de')
        .filter((m) => m.text.includes(linksTo(String(imported.id)))),
    ).toHaveLength(0)
  })

  it('links to the static page that holds the comment: /kommentare/<n>/ beyond the first page', async () => {
    await confirmedSubscriber('seitenleser@example.de', 'article')
    const article = (
      await cms.payload.find({ collection: 'articles', where: { slug: { equals: SLUG } } })
    ).docs[0]!
    const threads = async () =>
      ((await api<CommentsData>('GET', apiPaths.comments(SLUG))).json as CommentsData).stats.threads
    // Old threads (imported: they notify nobody) fill the first page, as the site cuts it.
    for (let i = await threads(); i < COMMENT_THREADS_PER_PAGE; i++)
      await cms.payload.create({
        collection: 'comments',
        context: { bulkImport: true },
        data: {
          article: article.id,
          authorName: `Alt ${i}`,
          authorEmail: `alt${i}@example.de`,
          body: `Alter Kommentar ${i}`,
          status: 'approved',
          depth: 1,
        },
      })
    const page = Math.floor((await threads()) / COMMENT_THREADS_PER_PAGE) + 1
    expect(page).toBeGreaterThan(1)
    const late = await comment('spaet@example.de')
    await approve(late)
    await settle()
    const mail = resend.to('seitenleser@example.de').find((m) => m.text.includes(linksTo(late)))
    expect(mail?.text).toContain(`${SITE}/blog/${SLUG}/kommentare/${page}/#kommentar-${late}`)
    expect(mail?.html).toContain(`${SITE}${commentsPagePath(SLUG, page)}${linksTo(late)}`)
  })

  it('sends editors a note for each pending comment', async () => {
    const id = await comment('neu@example.de')
    await settle()
    expect(
      resend
        .to('redaktion@example.de')
        .some((m) => m.text.includes(`/admin/collections/comments/${id}`)),
    ).toBe(true)
  })

  it('sends editors one note for a burst of pending comments, listing each of them', async () => {
    const before = resend.to('redaktion@example.de').length
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) => comment(`flut${i}@example.de`)),
    )
    await settle()
    const notes = resend.to('redaktion@example.de').slice(before)
    expect(notes.length).toBeGreaterThanOrEqual(1)
    expect(notes.length).toBeLessThanOrEqual(3)
    for (const id of ids) {
      expect(notes.some((m) => m.text.includes(`/admin/collections/comments/${id}`))).toBe(true)
    }
    expect(notes.some((m) => /^\d+ Kommentare warten auf Freigabe$/.test(m.subject))).toBe(true)
  })

  it('tells "posts" subscribers about a new article once', async () => {
    await confirmedSubscriber('neugierig@example.de', 'posts')
    const article = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Ganz neu', slug: 'ganz-neu', body: paragraph('x'), _status: 'draft' },
    })
    await settle()
    expect(
      resend.to('neugierig@example.de').filter((m) => m.subject === 'Neuer Artikel: Ganz neu'),
    ).toHaveLength(0)
    await cms.payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
    })
    await cms.payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Ganz neu' },
    })
    await settle()
    expect(
      resend.to('neugierig@example.de').filter((m) => m.subject === 'Neuer Artikel: Ganz neu'),
    ).toHaveLength(1)
  })
})

describe('unsubscribing', () => {
  it('shows a page with a button on GET, unsubscribes on the one-click POST, and nothing more arrives', async () => {
    await confirmedSubscriber('tschuess@example.de', 'article')
    const first = await comment('schreiber@example.de')
    await approve(first)
    await settle()
    const mail = resend.to('tschuess@example.de').find((m) => m.text.includes(linksTo(first)))!
    const link = /<(.+)>/.exec(mail.headers!['List-Unsubscribe']!)![1]!

    const page = await fetch(link)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<button type="submit">Jetzt abbestellen</button>')
    expect(
      (
        await cms.payload.find({
          collection: 'subscriptions',
          where: { email: { equals: 'tschuess@example.de' } },
        })
      ).docs[0]!.status,
    ).toBe('confirmed')

    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    const stored = (
      await cms.payload.find({
        collection: 'subscriptions',
        where: { email: { equals: 'tschuess@example.de' } },
      })
    ).docs[0]!
    expect(stored).toMatchObject({ status: 'unsubscribed', unsubscribedAt: expect.any(String) })

    const later = await comment('schreiber@example.de')
    await approve(later)
    await settle()
    expect(
      resend.to('tschuess@example.de').filter((m) => m.text.includes(linksTo(later))),
    ).toHaveLength(0)
  })

  it('refuses tampered and foreign tokens', async () => {
    await confirmedSubscriber('a-token@example.de', 'posts')
    await confirmedSubscriber('b-token@example.de', 'posts')
    const ids = await Promise.all(
      ['a-token@example.de', 'b-token@example.de'].map(
        async (email) =>
          (
            await cms.payload.find({
              collection: 'subscriptions',
              where: { email: { equals: email } },
            })
          ).docs[0]!.id,
      ),
    )
    const { unsubscribeTokens } = await import('../../cms/subscriptions/tokens')
    const valid = (await unsubscribeTokens(cms.payload))(ids[0]!)
    const tampered = valid.slice(0, -2) + (valid.endsWith('AA') ? 'BB' : 'AA')
    const foreign = `${ids[1]}.${valid.split('.')[1]}`
    for (const token of [tampered, foreign, 'garbage']) {
      const response = await api(
        'POST',
        `${apiPaths.subscriptions}/unsubscribe?token=${encodeURIComponent(token)}`,
      )
      expect(response.status).toBe(400)
    }
    const statuses = (
      await cms.payload.find({ collection: 'subscriptions', where: { id: { in: ids } } })
    ).docs.map((d) => d.status)
    expect(statuses).toEqual(['confirmed', 'confirmed'])
  })
})
