import { currentConsent, type ConsentKind } from '../../contract'
import { siteLink } from '../config/urls'
import { html } from '../utilities/html'
import type { Locale } from './locale'

/** The consent checkbox's label on the CMS's own form pages: the current text, with its link. */
export function consentLabel(kind: ConsentKind, locale: Locale) {
  const { before, link, after } = currentConsent(kind).text[locale]
  return html`${before}<a href="${siteLink('/datenschutz/')}">${link}</a>${after}`
}
