import type { Page } from 'playwright-core'

const POLICY_ERROR =
  /Content Security Policy|Refused to|Permissions-Policy|securitypolicyviolation/i

/**
 * Collects every complaint of Chromium about a CSP or Permissions-Policy on the pages it watches
 * (the console's words, and `securitypolicyviolation` events in case a wording changes).
 */
export function policyWatch(): { errors: string[]; watch: (page: Page) => Promise<Page> } {
  const errors: string[] = []
  return {
    errors,
    watch: async (page) => {
      page.on('console', (message) => {
        if (POLICY_ERROR.test(message.text())) errors.push(`${page.url()}: ${message.text()}`)
      })
      // Injected by the browser before any script of the page, so no CSP stops it.
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`securitypolicyviolation ${event.violatedDirective} ${event.blockedURI}`),
        ),
      )
      return page
    },
  }
}
