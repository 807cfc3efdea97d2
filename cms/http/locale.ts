export type Locale = 'de' | 'en'

/** German unless the reader's browser prefers English. */
export function requestLocale(headers: Headers): Locale {
  const first = headers.get('accept-language')?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'de'
}
