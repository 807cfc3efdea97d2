import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articlePath, FORM_ANCHORS, SUBSCRIPTION_PAGES } from '../../contract'
import { launchChromium } from '../../scripts/lib/chromium'
import { eventually } from '../../scripts/lib/eventually'
import { startFakeResend, type FakeResend } from '../../scripts/lib/fakeResend'
import { HEADERS_FILE, NGINX_INCLUDE, parseHeadersFile } from '../../site/security/siteHeaders'
import {
  loginToAdmin,
  mainForm,
  openArticle as openPageArticle,
  writeComment,
} from '../helpers/browserFlows'
import { policyWatch } from '../helpers/policyErrors'
import { EDITOR, startStack, type Stack } from '../helpers/stack'

/**
 * Readers and an editor on the running product (`npm start`) in Chromium: comment, approve in the
 * admin, reply, react, "notify me" with double opt-in through the (fake) email, unsubscribe;
 * and the same comment form without JavaScript.
 */
const ARTICLE = articlePath('social-media-nutzen-mittelstand')
let stack: Stack
let browser: Browser
let resend: FakeResend

const mailTo = (address: string, subject: RegExp) =>
  eventually(() => {
    const mail = resend.to(address).find((m) => subject.test(m.subject))
    expect(mail, `mail "${subject}" to ${address}`).toBeDefined()
    return mail!
  }, 30_000)

const openArticle = (page: Page) => openPageArticle(page, stack.site + ARTICLE)

async function approveInAdmin(page: Page, commentText: string): Promise<void> {
  await loginToAdmin(page, stack.cms)
  await page.goto(`${stack.cms}/admin/collections/comments?where[status][equals]=pending`)
  // Opened by its address, not clicked: a click on a loaded machine can land before the list hydrates.
  const href = await page
    .getByRole('link', { name: commentText.slice(0, 20), exact: false })
    .first()
    .getAttribute('href')
  await page.goto(new URL(href ?? '', stack.cms).href)
  await page.waitForSelector('#field-status', { timeout: 60_000 })
  await page.click('#field-status .rs__control')
  await page.getByRole('option', { name: 'Freigegeben' }).click()
  await page.click('#action-save')
  await page.waitForSelector('text=erfolgreich')
}

/** Later approvals through the REST API as the editor (the admin path is covered above). */
async function approveByApi(text: string): Promise<void> {
  const login = await fetch(`${stack.cms}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(EDITOR),
  })
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
  const found = await eventually(async () => {
    const list = (await (
      await fetch(`${stack.cms}/api/comments?where[body][contains]=${encodeURIComponent(text)}`, {
        headers: auth,
      })
    ).json()) as { docs: { id: number }[] }
    expect(list.docs.length).toBeGreaterThan(0)
    return list.docs[0]!
  })
  await fetch(`${stack.cms}/api/comments/${found.id}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ status: 'approved' }),
  })
}

/** CSP or Permissions-Policy complaints on any page these tests open (asserted empty). */
const { errors: policyErrors, watch: watchedPage } = policyWatch()

const stat = (page: Page, label: string) =>
  page.locator('.comment-stats').getByText(label).locator('..')

beforeAll(async () => {
  resend = await startFakeResend()
  stack = await startStack({ cms: 3320, site: 4420 }, undefined, {
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: resend.url,
    RESEND_RATE: '20',
    EDITOR_EMAIL: 'redaktion@example.de',
  })
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await stack?.stop()
  stack?.cleanup()
  await resend?.stop()
})

describe('readers on the seed article', () => {
  it('comment, approve, reply, react, get notified, unsubscribe', async () => {
    const anna = await watchedPage(await browser.newPage({ locale: 'de-DE' }))
    const scripts: string[] = []
    const origins = new Set<string>()
    anna.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
      if (/^https?:/.test(request.url())) origins.add(new URL(request.url()).origin)
    })
    await anna.goto(stack.site + ARTICLE)
    await anna.waitForLoadState('networkidle')
    expect(scripts, 'no script file before the comments near the viewport').toEqual([])

    await openArticle(anna)
    expect(scripts.length).toBeGreaterThan(0)
    // Share links, fonts, images: nothing on the page asks a third party. The island's first GET
    // to the CMS starts in an effect after hydration, so it is waited for, not assumed.
    await expect.poll(() => [...origins].sort()).toEqual([stack.cms, stack.site].sort())
    await writeComment(mainForm(anna), {
      name: 'Anna Berger',
      email: 'anna@example.de',
      body: 'Wie macht man Social Media im Mittelstand schmackhaft?',
      notify: 'Antworten auf meinen Kommentar',
    })
    await expect.poll(() => anna.getByText('wartet auf Freigabe').first().isVisible()).toBe(true)

    // Double opt-in: the confirmation link in the email, opened in the browser, shows a button
    // (link scanners open links too); pressing it confirms and leads to the site.
    const confirmation = await mailTo('anna@example.de', /^Bitte bestätigen/)
    await anna.goto(/https?:\/\/\S+confirm\?token=\S+/.exec(confirmation.text)![0])
    await expect
      .poll(() => anna.getByRole('heading', { name: 'Benachrichtigungen bestätigen' }).isVisible())
      .toBe(true)
    await anna.getByRole('button', { name: 'Jetzt bestätigen' }).click()
    await expect.poll(() => anna.url()).toBe(`${stack.site}${SUBSCRIPTION_PAGES.confirmed}`)
    await expect
      .poll(() => anna.getByRole('heading', { name: 'Benachrichtigung bestätigt' }).isVisible())
      .toBe(true)
    await mailTo('redaktion@example.de', /^Kommentar wartet auf Freigabe/)

    const editor = await watchedPage(await browser.newPage({ locale: 'de-DE' }))
    await approveInAdmin(editor, 'Anna Berger')

    const bernd = await watchedPage(await browser.newPage({ locale: 'de-DE' }))
    await openArticle(bernd)
    const annasComment = bernd.locator('article.comment', { hasText: 'Wie macht man Social Media' })
    await expect.poll(() => annasComment.isVisible()).toBe(true)
    await expect
      .poll(async () => (await stat(bernd, 'Kommentar-Threads').textContent()) ?? '')
      .toMatch(/1/)

    await annasComment.getByRole('button', { name: /^Gefällt mir \d+$/ }).click()
    await expect
      .poll(() =>
        annasComment
          .getByRole('button', { name: /^Gefällt mir \d+$/ })
          .getAttribute('aria-pressed'),
      )
      .toBe('true')
    await annasComment.getByRole('button', { name: 'Anna Berger antworten' }).click()
    await writeComment(bernd.getByRole('form', { name: 'Antwort an Anna Berger' }), {
      name: 'Bernd Vogel',
      email: 'bernd@example.de',
      body: 'Mit guten Beispielen aus der Region!',
    })
    await expect.poll(() => bernd.getByText('wartet auf Freigabe').first().isVisible()).toBe(true)
    await approveByApi('Mit guten Beispielen')

    await bernd.reload()
    await openArticle(bernd)
    await expect
      .poll(async () => (await stat(bernd, 'Thread-Antworten').textContent()) ?? '')
      .toMatch(/1/)
    await expect
      .poll(async () => (await stat(bernd, 'Kommentar-Autoren').textContent()) ?? '')
      .toMatch(/2/)
    await expect.poll(async () => (await stat(bernd, 'Follower').textContent()) ?? '').toMatch(/1/)
    await expect
      .poll(() =>
        bernd.getByRole('link', { name: 'Meistbewerteter Kommentar' }).getAttribute('href'),
      )
      .toMatch(/#kommentar-\d+/)

    // Anna hears of the reply, then unsubscribes through the link in the email.
    const reply = await mailTo('anna@example.de', /^Neue Antwort auf Ihren Kommentar/)
    expect(reply.text).toContain('Mit guten Beispielen aus der Region!')
    await anna.goto(/Benachrichtigungen abbestellen: (\S+)/.exec(reply.text)![1]!)
    await anna.getByRole('button', { name: 'Jetzt abbestellen' }).click()
    await expect
      .poll(() => anna.getByRole('heading', { name: 'Abgemeldet' }).isVisible())
      .toBe(true)

    const before = resend.to('anna@example.de').length
    await writeComment(mainForm(bernd), {
      name: 'Carla',
      email: 'carla@example.de',
      body: 'Noch eine Antwort, an alle.',
    })
    await approveByApi('Noch eine Antwort')
    await mailTo('redaktion@example.de', /^Kommentar wartet auf Freigabe/)
    await new Promise((resolve) => setTimeout(resolve, 3000))
    expect(resend.to('anna@example.de')).toHaveLength(before)
    // All of it (island, confirmation and unsubscribe pages, the admin) ran under the CSPs.
    expect(policyErrors).toEqual([])
  }, 240_000)

  it('posts through the plain form with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' })
    const page = await watchedPage(await context.newPage())
    await page.goto(stack.site + ARTICLE)
    await writeComment(mainForm(page), {
      name: 'Ohne Skript',
      email: 'ohne@example.de',
      body: 'Geht auch ohne JavaScript.',
    })
    await page.waitForURL(`${stack.site}${ARTICLE}#${FORM_ANCHORS.commentWaiting}`)
    const notice = page.locator(`#${FORM_ANCHORS.commentWaiting}`)
    expect(await notice.isVisible()).toBe(true)
    expect(await notice.textContent()).toContain('Danke! Ihr Kommentar wartet auf Freigabe.')
    // The form's target and the CMS's redirect back are both allowed by the page's form-action.
    expect(policyErrors).toEqual([])
    await context.close()
  }, 60_000)
})

describe('security headers', () => {
  const get = (url: string) => fetch(url, { redirect: 'manual' })
  const expectCommon = (response: Response, url: string) => {
    expect(response.headers.get('content-security-policy'), url).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options'), url).toBe('nosniff')
    expect(response.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('x-powered-by'), url).toBeNull()
    // CMS_URL and SITE_URL are http here: no HSTS (cms/http/securityHeaders.test.ts has https).
    expect(response.headers.get('strict-transport-security'), url).toBeNull()
  }

  it('the static site sends what the build wrote for static hosts, without unsafe-inline', async () => {
    const built = fs.realpathSync(stack.env.SITE_OUT_DIR!)
    const headers = parseHeadersFile(fs.readFileSync(path.join(built, HEADERS_FILE), 'utf8'))
    const nginx = fs.readFileSync(path.join(built, NGINX_INCLUDE), 'utf8')
    for (const url of [ARTICLE, '/', '/gibt-es-nicht/', '/rss.xml'].map((p) => stack.site + p)) {
      const response = await get(url)
      expectCommon(response, url)
      for (const [name, value] of Object.entries(headers)) {
        expect(response.headers.get(name), `${url} ${name}`).toBe(value)
        expect(nginx).toContain(`add_header ${name} "${value}" always;`)
      }
    }
    expect(headers['Content-Security-Policy']).not.toContain('unsafe-inline')
    expect(headers['Content-Security-Policy']).toContain(`connect-src 'self' ${stack.cms}`)
    expect(headers['Permissions-Policy']).toContain('camera=()')
  })

  it('the CMS sends them on the API, the admin and its own pages, which allow no script', async () => {
    const api = [`/api/articles?limit=1`, '/api/public/form-token', '/api/users/me']
    for (const url of api.map((p) => stack.cms + p)) {
      const response = await get(url)
      expectCommon(response, url)
      expect(response.headers.get('content-security-policy'), url).toContain("default-src 'none'")
    }
    for (const url of ['/admin/login', '/admin'].map((p) => stack.cms + p)) {
      const response = await get(url)
      expectCommon(response, url)
      const csp = response.headers.get('content-security-policy')
      for (const rule of ["base-uri 'self'", "object-src 'none'", "form-action 'self'"])
        expect(csp, url).toContain(rule)
    }
    const page = `${stack.cms}/api/public/subscriptions/unsubscribe?token=kaputt`
    const response = await get(page)
    expect(response.headers.get('content-type')).toContain('text/html')
    expectCommon(response, page)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toMatch(/script-src|unsafe-inline/)
    expect(csp.match(/frame-ancestors/g), 'one policy, not two').toHaveLength(1)
  })

  it('Chromium refuses to frame the admin, and the policy watch of the tests above sees it', async () => {
    const framing = policyWatch()
    const page = await framing.watch(await browser.newPage())
    await page.setContent(`<iframe src="${stack.cms}/admin/login"></iframe>`)
    await expect.poll(() => framing.errors.join('\n')).toMatch(/frame-ancestors 'none'/)
    await page.close()
  })
})
