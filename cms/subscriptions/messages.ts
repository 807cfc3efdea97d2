import type { Locale } from '../http/locale'

const messages = {
  de: {
    throttled: 'Für diese Adresse wurden gerade schon Bestätigungen verschickt. Bitte versuchen Sie es später noch einmal.',
    scopeInvalid: 'Bitte wählen Sie, worüber Sie benachrichtigt werden möchten (replies, article oder posts).',
    articleRequired: 'Für diese Benachrichtigung fehlt der Artikel.',
    consentRequired: 'Bitte stimmen Sie den E-Mail-Benachrichtigungen zu.',
    emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    articleNotFound: 'Diesen Artikel gibt es nicht oder er ist nicht veröffentlicht.',
    requested: 'Fast geschafft: Bitte bestätigen Sie den Link in der E-Mail, die wir Ihnen geschickt haben.',
    alreadyConfirmed: 'Diese Adresse erhält diese Benachrichtigungen bereits.',
    consentText: 'Ich möchte per E-Mail benachrichtigt werden und kann das jederzeit abbestellen.',
  },
  en: {
    throttled: 'Confirmation emails were just sent to this address. Please try again later.',
    scopeInvalid: 'Please choose what to be notified about (replies, article or posts).',
    articleRequired: 'The article for this notification is missing.',
    consentRequired: 'Please agree to the email notifications.',
    emailInvalid: 'Please enter a valid email address.',
    articleNotFound: 'This article does not exist or is not published.',
    requested: 'Almost done: please confirm the link in the email we sent you.',
    alreadyConfirmed: 'This address already gets these notifications.',
    consentText: 'I want to be notified by email and can unsubscribe at any time.',
  },
} as const

export type SubscriptionMessageKey = keyof (typeof messages)['de']
export const subscriptionMessage = (locale: Locale, key: SubscriptionMessageKey): string => messages[locale][key]
export const isSubscriptionMessageKey = (value: string): value is SubscriptionMessageKey => value in messages.de
