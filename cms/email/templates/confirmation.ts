import type { Locale } from '../../../contract'
import type { SubscriptionScope } from '../../../contract'
import { renderEmail, type Rendered } from './layout'

const what = {
  de: {
    replies: (title: string) => `Antworten auf Ihre Kommentare zu „${title}“`,
    article: (title: string) => `neue Kommentare zu „${title}“`,
    posts: () => 'neue Artikel',
  },
  en: {
    replies: (title: string) => `replies to your comments on “${title}”`,
    article: (title: string) => `new comments on “${title}”`,
    posts: () => 'new articles',
  },
}

/**
 * The double opt-in email: only the request and the link, nothing else (German case law counts
 * anything more in a confirmation email as advertising).
 */
export function confirmationEmail(args: {
  locale: Locale
  scope: SubscriptionScope
  articleTitle: string
  url: string
  siteName: string
}): Rendered {
  const topic = what[args.locale][args.scope](args.articleTitle)
  return args.locale === 'de'
    ? renderEmail({
        locale: 'de',
        subject: `Bitte bestätigen: E-Mail-Benachrichtigung von ${args.siteName}`,
        greeting: 'Hallo,',
        paragraphs: [
          `jemand – hoffentlich Sie – möchte an diese Adresse Benachrichtigungen über ${topic} erhalten.`,
          'Bitte bestätigen Sie das mit einem Klick. Der Link gilt 7 Tage.',
        ],
        action: { label: 'Benachrichtigungen bestätigen', url: args.url },
        footer: [
          'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail einfach: Ohne Bestätigung erhalten Sie nichts weiter von uns.',
        ],
      })
    : renderEmail({
        locale: 'en',
        subject: `Please confirm: email notifications from ${args.siteName}`,
        greeting: 'Hello,',
        paragraphs: [
          `someone – hopefully you – asked for notifications about ${topic} at this address.`,
          'Please confirm with one click. The link is valid for 7 days.',
        ],
        action: { label: 'Confirm notifications', url: args.url },
        footer: [
          'If this was not you, just ignore this email: without confirmation you will not hear from us again.',
        ],
      })
}
