import type { Locale } from '../http/locale'

/** Every text the comment API says to readers, German first. */
const messages = {
  de: {
    nameRequired: 'Bitte geben Sie Ihren Namen an.',
    nameTooLong: 'Der Name darf höchstens 80 Zeichen lang sein.',
    emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    bodyRequired: 'Bitte schreiben Sie einen Kommentar.',
    bodyTooLong: 'Der Kommentar darf höchstens 5.000 Zeichen lang sein.',
    websiteInvalid: 'Die Website muss mit http:// oder https:// beginnen.',
    consentRequired: 'Bitte stimmen Sie der Speicherung Ihrer Angaben zu.',
    parentInvalid: 'Auf diesen Kommentar kann nicht geantwortet werden.',
    articleNotFound: 'Diesen Artikel gibt es nicht oder er ist nicht veröffentlicht.',
    commentsClosed: 'Die Kommentare zu diesem Artikel sind geschlossen.',
    commentNotFound: 'Diesen Kommentar gibt es nicht.',
    tokenMissing: 'Zum Bearbeiten fehlt der Schlüssel dieses Kommentars.',
    tokenInvalid: 'Dieser Schlüssel gehört nicht zu diesem Kommentar.',
    editWindowOver: 'Kommentare können nur in den ersten 15 Minuten bearbeitet oder gelöscht werden.',
    reactionInvalid: 'Die Reaktion muss „up“ oder „down“ sein.',
    sortInvalid: 'Die Sortierung muss newest, oldest oder top sein.',
    notifyInvalid: 'Die Benachrichtigung muss none, replies oder article sein.',
  },
  en: {
    nameRequired: 'Please enter your name.',
    nameTooLong: 'The name may be at most 80 characters long.',
    emailInvalid: 'Please enter a valid email address.',
    bodyRequired: 'Please write a comment.',
    bodyTooLong: 'The comment may be at most 5,000 characters long.',
    websiteInvalid: 'The website must start with http:// or https://.',
    consentRequired: 'Please agree to your details being stored.',
    parentInvalid: 'This comment cannot be replied to.',
    articleNotFound: 'This article does not exist or is not published.',
    commentsClosed: 'Comments on this article are closed.',
    commentNotFound: 'This comment does not exist.',
    tokenMissing: 'The key of this comment is missing.',
    tokenInvalid: 'This key does not belong to this comment.',
    editWindowOver: 'Comments can only be edited or deleted within 15 minutes.',
    reactionInvalid: 'The reaction must be "up" or "down".',
    sortInvalid: 'The sort order must be newest, oldest or top.',
    notifyInvalid: 'The notification must be none, replies or article.',
  },
} as const

export type MessageKey = keyof (typeof messages)['de']
export const message = (locale: Locale, key: MessageKey): string => messages[locale][key]

/** For parseInput: the text of a message key, or undefined for anything else. */
export const commentText = (locale: Locale) => (key: string) => (key in messages.de ? messages[locale][key as MessageKey] : undefined)
