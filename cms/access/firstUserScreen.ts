import { htmlPage } from '../http/htmlPage'
import { requestLocale } from '../http/locale'
import { message } from '../i18n/messages'
import { html } from '../utilities/html'
import { isLocalRequest } from './isLocalRequest'

/**
 * Payload's create-first-user screen (admin route `/admin` + its view route); cms/proxy.ts
 * matches it literally (Next.js reads matchers statically).
 */
export const FIRST_USER_SCREEN = '/admin/create-first-user'

/**
 * The screen's answer for a request from outside this machine: 403 with the way to the first
 * editor, or null to let Payload render it. The same rule as its POST (Users.ts), so the screen
 * shows only where it can work: Payload cannot replace the view (payloadcms/payload#14046).
 */
export function refuseFirstUserScreen(headers: Headers): Response | null {
  if (isLocalRequest(headers)) return null
  const locale = requestLocale(headers)
  return htmlPage({
    status: 403,
    lang: locale,
    title: message(locale, 'firstEditorTitle'),
    body: html`<p>${message(locale, 'firstEditorLocalOnly')}</p>`,
  })
}
