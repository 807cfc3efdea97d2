export type Locale = 'de' | 'en'

/**
 * The reader's language: an explicit `lang` from the form or JSON body (the site sends the
 * article's language) wins, else the browser's preference; German by default.
 */
export function requestLocale(headers: Headers, explicit?: unknown): Locale {
  if (explicit === 'de' || explicit === 'en') return explicit
  const first = headers.get('accept-language')?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'de'
}
