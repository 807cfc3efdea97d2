import { formErrorPage } from '../http/formErrorPage'
import type { Locale } from '../http/locale'
import type { FieldError } from '../http/responses'

/** The subscribe form again, filled in, with the errors of a no-JS post. */
export function subscribeFormErrorPage(args: { locale: Locale; errors: FieldError[]; values: Record<string, unknown>; back: string }): Response {
  const de = args.locale === 'de'
  return formErrorPage({
    lang: args.locale,
    title: de ? 'Abonnement noch nicht angefragt' : 'Subscription not requested yet',
    errors: args.errors,
    action: '/api/public/subscriptions',
    values: args.values,
    submit: de ? 'Abonnieren' : 'Subscribe',
    back: { url: args.back, label: de ? 'Zurück' : 'Back' },
    fields: [
      { name: 'email', label: de ? 'E-Mail' : 'Email', type: 'email' },
      {
        name: 'scope',
        label: de ? 'Benachrichtige mich zu:' : 'Notify me of:',
        type: 'select',
        options: [
          { value: 'article', label: de ? 'neuen Kommentaren zu diesem Artikel' : 'new comments on this article' },
          { value: 'posts', label: de ? 'neuen Artikeln' : 'new articles' },
        ],
      },
      { name: 'article', type: 'hidden' },
      { name: 'lang', type: 'hidden' },
      {
        name: 'consent',
        type: 'checkbox',
        label: de ? 'Ich möchte per E-Mail benachrichtigt werden und kann das jederzeit abbestellen.' : 'I want to be notified by email and can unsubscribe at any time.',
      },
    ],
  })
}
