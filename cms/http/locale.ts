import { DEFAULT_LOCALE, isLocale, type Locale } from '../../contract'

export type { Locale }

/**
 * The reader's language: an explicit `lang` from the form or JSON body (the site sends the
 * article's language) wins, else the browser's preference; German by default.
 */
export function requestLocale(headers: Headers, explicit?: unknown): Locale {
  if (isLocale(explicit)) return explicit
  const first = headers.get('accept-language')?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : DEFAULT_LOCALE
}
