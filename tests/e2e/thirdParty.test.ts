import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articlePath } from '../../contract'
import { launchChromium } from '../../scripts/lib/chromium'
import { loginToAdmin, mainForm, openArticle, writeComment } from '../helpers/browserFlows'
import { startStack, type Stack } from '../helpers/stack'

/**
 * DSGVO: no page of the site or the admin asks a third party for anything (Gravatar, fonts, CDNs,
 * analytics). Every request Chromium makes is recorded, in every page of the context.
 */
const ARTICLE = articlePath('social-media-nutzen-mittelstand')
let stack: Stack
let browser: Browser

beforeAll(async () => {
  stack = await startStack({ cms: 3340, site: 4440 })
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await stack?.stop()
  stack?.cleanup()
})

/** Every network request of the context (data:, blob: and about: are no requests to anyone). */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = []
  context.on('request', (request) => {
    if (!/^(data|blob|about|chrome-extension):/.test(request.url())) urls.push(request.url())
  })
  return urls
}

const foreign = (urls: string[]) => {
  const own = new Set([new URL(stack.site).host, new URL(stack.cms).host])
  return urls.filter((url) => !/^(https?|wss?):/.test(url) || !own.has(new URL(url).host))
}

describe('third parties', () => {
  it('the article page and the comment flow request only the site and the CMS', async () => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const requests = recordRequests(context)
    const page = await context.newPage()
    await openArticle(page, stack.site + ARTICLE)
    await page.waitForLoadState('networkidle')
    await writeComment(mainForm(page), {
      name: 'Dora Datenschutz',
      email: 'dora@example.de',
      body: 'Keine Anfrage an Dritte, bitte.',
      notify: 'Antworten auf meinen Kommentar',
    })
    await expect.poll(() => page.getByText('wartet auf Freigabe').first().isVisible()).toBe(true)
    await page.waitForLoadState('networkidle')
    // The flow really ran through both hosts (a recorder that sees nothing would pass too).
    expect(requests.some((url) => url.startsWith(`${stack.site}/`))).toBe(true)
    expect(requests.some((url) => url.startsWith(`${stack.cms}/api/public/`))).toBe(true)
    expect(foreign(requests), 'requests to third parties').toEqual([])
    await context.close()
  }, 120_000)

  it("the admin's dashboard, a list and an edit view request only the CMS", async () => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const requests = recordRequests(context)
    const page = await context.newPage()
    await loginToAdmin(page, stack.cms)
    // The account menu shows the editor's avatar: Payload's default would ask Gravatar for it.
    await page.waitForSelector('.nav, .app-header')
    await page.waitForLoadState('networkidle')
    await page.goto(`${stack.cms}/admin/collections/comments`)
    await page.waitForLoadState('networkidle')
    await page.goto(`${stack.cms}/admin/collections/articles`)
    await page.locator('.table tbody tr a').first().click()
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    await page.waitForSelector('#field-title')
    await page.waitForLoadState('networkidle')
    await page.goto(`${stack.cms}/admin/account`)
    await page.waitForLoadState('networkidle')
    expect(requests.filter((url) => url.startsWith(`${stack.cms}/admin`)).length).toBeGreaterThan(3)
    expect(foreign(requests), 'requests to third parties').toEqual([])
    await context.close()
  }, 120_000)
})
