import type { Locale } from './locale'

/**
 * The consent texts readers agree to, with their history: the one place the site, the island and
 * the CMS read them from. A changed text is a new version appended at the end (never an edit of
 * an old one): each comment and subscription stores the `consentVersion` it was given under.
 */
export type ConsentKind = 'comment' | 'subscription'

/** A text around the link to the privacy page: `before` + link + `after`. */
export type ConsentWording = { before: string; link: string; after: string }

export type ConsentVersion = {
  /** stored with each comment or subscription */
  version: string
  /** when the text was first shown (ISO date) */
  date: string
  text: Record<Locale, ConsentWording>
}

const PRIVACY_LINK = { de: 'Datenschutzerklärung', en: 'privacy policy' } as const

export const CONSENT_HISTORY: Record<ConsentKind, readonly [ConsentVersion, ...ConsentVersion[]]> =
  {
    comment: [
      {
        version: 'comment-2026-11-28',
        date: '2026-11-28',
        text: {
          de: {
            before:
              'Ich bin einverstanden, dass meine Angaben zur Bearbeitung des Kommentars gespeichert werden (',
            link: PRIVACY_LINK.de,
            after: ').',
          },
          en: {
            before: 'I agree that my details are stored to process this comment (',
            link: PRIVACY_LINK.en,
            after: ').',
          },
        },
      },
    ],
    subscription: [
      {
        version: 'subscription-2026-11-28',
        date: '2026-11-28',
        text: {
          de: {
            before:
              'Ich möchte per E-Mail benachrichtigt werden und kann das jederzeit abbestellen (',
            link: PRIVACY_LINK.de,
            after: ').',
          },
          en: {
            before: 'I want to be notified by email and can unsubscribe at any time (',
            link: PRIVACY_LINK.en,
            after: ').',
          },
        },
      },
    ],
  }

/** The version shown now: the last one. */
export const currentConsent = (kind: ConsentKind): ConsentVersion => {
  const history = CONSENT_HISTORY[kind]
  return history[history.length - 1] ?? history[0]
}

/** The current text as one line, the link given as its words (stored, and on the CMS's pages). */
export const consentText = (kind: ConsentKind, locale: Locale): string => {
  const { before, link, after } = currentConsent(kind).text[locale]
  return `${before}${link}${after}`
}
