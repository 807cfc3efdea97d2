import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../scripts/lib/chromium'
import { policyWatch } from '../helpers/policyErrors'
import { EDITOR, startStack, type Stack } from '../helpers/stack'

/** An editor previews a draft on the site, as it will look; nobody else can. */
let stack: Stack
let browser: Browser

beforeAll(async () => {
  stack = await startStack({ cms: 3330, site: 4430 })
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await stack?.stop()
  stack?.cleanup()
})

describe('draft preview', () => {
  it('shows the draft to a logged-in editor and to nobody else', async () => {
    const login = await fetch(`${stack.cms}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(EDITOR),
    })
    const { token } = (await login.json()) as { token: string }
    const created = await fetch(`${stack.cms}/api/articles?draft=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: 'Entwurf für die Vorschau', _status: 'draft' }),
    })
    const { doc } = (await created.json()) as { doc: { id: number } }
    const previewUrl = `${stack.site}/vorschau/?id=${doc.id}`

    const policies = policyWatch()
    const editor = await policies.watch(await browser.newPage({ locale: 'de-DE' }))
    await editor.goto(`${stack.cms}/admin/login`)
    await editor.fill('#field-email', EDITOR.email)
    await editor.fill('#field-password', EDITOR.password)
    await editor.click('button[type=submit]')
    await editor.waitForURL('**/admin')
    await editor.goto(previewUrl)
    await expect
      .poll(() => editor.getByRole('heading', { name: 'Entwurf für die Vorschau' }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true)
    expect(await editor.getByText('Vorschau – nicht veröffentlicht').isVisible()).toBe(true)

    // "Website-Veröffentlichung" in the admin: state of the last build and "Rebuild now".
    await editor.goto(`${stack.cms}/admin/globals/site-build`)
    await editor.getByRole('button', { name: 'Jetzt neu aufbauen' }).click()
    await expect
      .poll(() => editor.getByText('Neuaufbau geplant').isVisible(), { timeout: 15_000 })
      .toBe(true)
    const unauthenticated = await fetch(`${stack.cms}/api/site-build/rebuild`, { method: 'POST' })
    expect(unauthenticated.status).toBe(401)

    const reader = await policies.watch(await browser.newPage({ locale: 'de-DE' }))
    await reader.goto(previewUrl)
    await expect.poll(() => reader.getByRole('alert').isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await reader.content()).not.toContain('Entwurf für die Vorschau')
    // The preview's fetch with the editor's cookie and its rendering ran under the site's CSP.
    expect(policies.errors).toEqual([])
  }, 120_000)
})
