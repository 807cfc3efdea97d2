import type { Locator, Page } from 'playwright-core'
import { MIN_FILL_MS } from '../../contract'
import { EDITOR } from './stack'

/** Opens an article and waits until its comment island took over (hydrated). */
export async function openArticle(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.locator('#kommentare').scrollIntoViewIfNeeded()
  // Hydrated: Astro drops the `ssr` marker from the island once React took over.
  await page.waitForSelector('#kommentare astro-island:not([ssr])')
}

export const mainForm = (page: Page): Locator =>
  page.locator('form[aria-labelledby="kommentar-schreiben"]')

/** Fills and sends a comment form as a person does (slower than MIN_FILL_MS, consent given). */
export async function writeComment(
  form: Locator,
  fields: { name: string; email: string; body: string; notify?: string },
): Promise<void> {
  // A person needs longer than MIN_FILL_MS to write a comment; a faster post is held as spam.
  await form.page().waitForTimeout(MIN_FILL_MS)
  await form.getByLabel(/^Name/).fill(fields.name)
  await form.getByLabel(/^E-Mail/).fill(fields.email)
  await form.getByLabel(/^Kommentar/).fill(fields.body)
  if (fields.notify)
    await form.getByLabel('Benachrichtige mich zu:').selectOption({ label: fields.notify })
  await form.getByLabel(/Ich bin einverstanden/).check()
  await form.getByRole('button', { name: 'Kommentar abschicken' }).click()
}

/** Logs the test editor into the admin; resolves on the dashboard. */
export async function loginToAdmin(page: Page, cms: string): Promise<void> {
  await page.goto(`${cms}/admin/login`)
  await page.fill('#field-email', EDITOR.email)
  await page.fill('#field-password', EDITOR.password)
  await page.click('button[type=submit]')
  await page.waitForURL('**/admin')
}
