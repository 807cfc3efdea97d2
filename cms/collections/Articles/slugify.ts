import slugify from '@sindresorhus/slugify'

/** German-aware slugs: "Größe & Maß" -> "groesse-und-mass". */
export const toSlug = (value: string): string =>
  slugify(value, { locale: 'de', customReplacements: [['&', ' und ']] })
