/** Languages of the site, the public API's messages and the emails; German first. */
export const LOCALES = ['de', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'de'

export const isLocale = (value: unknown): value is Locale =>
  LOCALES.some((locale) => locale === value)
