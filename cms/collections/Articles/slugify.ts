import slugify from '@sindresorhus/slugify'

/** German-aware slugs: "Nutzen für den Mittelstand" -> "nutzen-fuer-den-mittelstand". */
export const toSlug = (value: string): string => slugify(value, { locale: 'de' })
