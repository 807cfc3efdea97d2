import {
  BUILD_COMMENTS_MAX_SLUGS,
  COMMENT_LIMITS,
  consentText,
  MAX_THREADS_PER_PAGE,
  type Locale,
} from '../../contract'

/**
 * Every text the CMS says to the public (API errors, its HTML pages), German first. `{name}`
 * placeholders are filled by `message`. English must have every key (checked by the type).
 */
const de = {
  // Comments
  nameRequired: 'Bitte geben Sie Ihren Namen an.',
  nameTooLong: `Der Name darf höchstens ${COMMENT_LIMITS.name} Zeichen lang sein.`,
  emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  bodyRequired: 'Bitte schreiben Sie einen Kommentar.',
  bodyTooLong: `Der Kommentar darf höchstens ${COMMENT_LIMITS.body.toLocaleString('de-DE')} Zeichen lang sein.`,
  websiteInvalid: 'Die Website muss mit http:// oder https:// beginnen.',
  consentRequired: 'Bitte stimmen Sie der Speicherung Ihrer Angaben zu.',
  parentInvalid: 'Auf diesen Kommentar kann nicht geantwortet werden.',
  articleNotFound: 'Diesen Artikel gibt es nicht oder er ist nicht veröffentlicht.',
  commentsClosed: 'Die Kommentare zu diesem Artikel sind geschlossen.',
  commentNotFound: 'Diesen Kommentar gibt es nicht.',
  formTokenExpired:
    'Das Formular war zu lange geöffnet. Bitte senden Sie Ihren Kommentar noch einmal ab.',
  idempotencyKeyInvalid: 'Der Idempotency-Key muss 16 bis 200 sichtbare ASCII-Zeichen lang sein.',
  idempotencyKeyReused:
    'Dieser Idempotency-Key gehört zu einem anderen Kommentar. Für einen neuen Kommentar bitte einen neuen Schlüssel senden.',
  tokenMissing: 'Zum Bearbeiten fehlt der Schlüssel dieses Kommentars.',
  tokenInvalid: 'Dieser Schlüssel gehört nicht zu diesem Kommentar.',
  editWindowOver: 'Kommentare können nur in den ersten 15 Minuten bearbeitet oder gelöscht werden.',
  reactionInvalid: 'Die Reaktion muss „up“ oder „down“ sein.',
  sortInvalid: 'Die Sortierung muss newest, oldest oder top sein.',
  notifyInvalid: 'Die Benachrichtigung muss none, replies oder article sein.',
  pageInvalid: 'Die Seite muss eine ganze Zahl ab 1 sein.',
  limitInvalid: `Pro Seite sind 1 bis ${MAX_THREADS_PER_PAGE} Diskussionen möglich.`,
  slugsInvalid: `Gib 1 bis ${BUILD_COMMENTS_MAX_SLUGS} Slugs an, durch Kommas getrennt.`,
  // Subscriptions
  scopeInvalid:
    'Bitte wählen Sie, worüber Sie benachrichtigt werden möchten (replies, article oder posts).',
  articleRequired: 'Für diese Benachrichtigung fehlt der Artikel.',
  subscriptionConsentRequired: 'Bitte stimmen Sie den E-Mail-Benachrichtigungen zu.',
  requested: 'Wenn die Adresse abonniert werden kann, ist eine Bestätigungs-E-Mail unterwegs.',
  subscriptionConsentText: consentText('subscription', 'de'),
  // Requests in general
  requestBodyInvalid: 'Der Inhalt der Anfrage ist kein gültiges JSON-Objekt oder Formular.',
  editorsOnly: 'Nur für angemeldete Redakteure.',
  // Privacy: export and erase per address (admin dashboard, cms/privacy)
  erasedAuthorName: 'Gelöscht',
  privacyTitle: 'Datenschutz: Auskunft und Löschung',
  privacyHelp:
    'Alles, was zu einer E-Mail-Adresse gespeichert ist (Kommentare, Abonnements, Reaktionen auf ihre Kommentare, E-Mail-Ausgang), als JSON anzeigen oder löschen. Kommentare bleiben im Thread, ohne Name, Adresse und Website.',
  privacyEmail: 'E-Mail-Adresse',
  privacyExport: 'Auskunft (JSON)',
  privacyErase: 'Löschen',
  privacyEraseConfirm:
    'Alle Daten zu {email} löschen? Kommentare werden anonymisiert, Abonnements und E-Mails gelöscht.',
  networkInvalid: 'Unbekanntes Netzwerk; möglich sind: {networks}.',
  bodyTooLarge: 'Die Anfrage ist zu groß (höchstens {kilobytes} KB).',
  contentTypeUnsupported:
    'Die Anfrage muss als JSON (application/json) oder als Formular gesendet werden.',
  originForbidden: 'Anfragen von dieser Website sind nicht erlaubt.',
  uploadRasterOnly:
    'Nur Bilder im Format JPEG, PNG, WebP, AVIF oder GIF können hochgeladen werden (SVG ist aus Sicherheitsgründen nicht erlaubt).',
  requestRefused: 'Anfrage abgelehnt',
  serverError:
    'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal.',
  rateLimitedClient:
    'Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in {seconds} Sekunden noch einmal.',
  rateLimitedEmail:
    'Zu viele Anfragen für diese E-Mail-Adresse. Bitte versuchen Sie es in {seconds} Sekunden noch einmal.',
  // HTML pages: the forms again after a no-JS post with errors
  pleaseCorrect: 'Bitte korrigieren Sie:',
  commentNotSaved: 'Ihr Kommentar wurde noch nicht gespeichert',
  commentSubmit: 'Kommentar abschicken',
  backToArticle: 'Zurück zum Artikel',
  back: 'Zurück',
  fieldName: 'Name',
  fieldEmailPrivate: 'E-Mail (wird nicht veröffentlicht)',
  fieldEmail: 'E-Mail',
  fieldWebsite: 'Website (optional)',
  fieldComment: 'Kommentar',
  notifyLabel: 'Benachrichtige mich zu:',
  notifyNone: 'nichts',
  notifyReplies: 'Antworten auf meinen Kommentar',
  notifyArticle: 'allen neuen Kommentaren',
  subscriptionNotRequested: 'Abonnement noch nicht angefragt',
  subscribe: 'Abonnieren',
  scopeArticle: 'neuen Kommentaren zu diesem Artikel',
  scopePosts: 'neuen Artikeln',
  // HTML pages: confirm
  confirmTitle: 'Benachrichtigungen bestätigen',
  confirmQuestion: 'Sollen E-Mail-Benachrichtigungen an {email} gehen?',
  confirmButton: 'Jetzt bestätigen',
  // HTML pages: unsubscribe
  unsubscribeTitle: 'Benachrichtigungen abbestellen',
  unsubscribeQuestion: 'Keine weiteren E-Mails an {email}?',
  unsubscribeButton: 'Jetzt abbestellen',
  unsubscribedTitle: 'Abgemeldet',
  unsubscribedText: 'Sie erhalten diese Benachrichtigungen nicht mehr.',
  linkInvalidTitle: 'Link ungültig',
  linkInvalidText:
    'Dieser Abmelde-Link ist ungültig. Bitte nutzen Sie den Link aus der letzten E-Mail.',
  toWebsite: 'Zur Website',
  // The first editor (admin screen and its POST)
  firstEditorTitle: 'Ersten Zugang anlegen',
  firstEditorLocalOnly:
    'Der erste Redaktionszugang kann nur auf dem Server selbst (localhost) angelegt werden, oder mit ADMIN_EMAIL / ADMIN_PASSWORD beim Start.',
}

export type MessageKey = keyof typeof de

const en: Record<MessageKey, string> = {
  nameRequired: 'Please enter your name.',
  nameTooLong: `The name may be at most ${COMMENT_LIMITS.name} characters long.`,
  emailInvalid: 'Please enter a valid email address.',
  bodyRequired: 'Please write a comment.',
  bodyTooLong: `The comment may be at most ${COMMENT_LIMITS.body.toLocaleString('en-GB')} characters long.`,
  websiteInvalid: 'The website must start with http:// or https://.',
  consentRequired: 'Please agree to your details being stored.',
  parentInvalid: 'This comment cannot be replied to.',
  articleNotFound: 'This article does not exist or is not published.',
  commentsClosed: 'Comments on this article are closed.',
  commentNotFound: 'This comment does not exist.',
  formTokenExpired: 'The form was open for too long. Please send your comment again.',
  idempotencyKeyInvalid: 'The Idempotency-Key must be 16 to 200 visible ASCII characters.',
  idempotencyKeyReused:
    'This Idempotency-Key belongs to another comment. Send a new key for a new comment.',
  tokenMissing: 'The key of this comment is missing.',
  tokenInvalid: 'This key does not belong to this comment.',
  editWindowOver: 'Comments can only be edited or deleted within 15 minutes.',
  reactionInvalid: 'The reaction must be "up" or "down".',
  sortInvalid: 'The sort order must be newest, oldest or top.',
  notifyInvalid: 'The notification must be none, replies or article.',
  pageInvalid: 'The page must be a whole number from 1.',
  limitInvalid: `A page holds 1 to ${MAX_THREADS_PER_PAGE} threads.`,
  slugsInvalid: `Give 1 to ${BUILD_COMMENTS_MAX_SLUGS} slugs, separated by commas.`,
  scopeInvalid: 'Please choose what to be notified about (replies, article or posts).',
  articleRequired: 'The article for this notification is missing.',
  subscriptionConsentRequired: 'Please agree to the email notifications.',
  requested: 'If the address can be subscribed, a confirmation email is on its way',
  subscriptionConsentText: consentText('subscription', 'en'),
  requestBodyInvalid: 'The request body is not a valid JSON object or form.',
  editorsOnly: 'For logged-in editors only.',
  erasedAuthorName: 'Deleted',
  privacyTitle: 'Privacy: export and erase',
  privacyHelp:
    'Show everything stored about an email address (comments, subscriptions, reactions on its comments, email outbox) as JSON, or erase it. Comments stay in their thread, without name, address and website.',
  privacyEmail: 'Email address',
  privacyExport: 'Export (JSON)',
  privacyErase: 'Erase',
  privacyEraseConfirm:
    'Erase all data about {email}? Comments are anonymised, subscriptions and emails deleted.',
  networkInvalid: 'Unknown network; possible are: {networks}.',
  bodyTooLarge: 'The request is too large (at most {kilobytes} KB).',
  contentTypeUnsupported: 'The request must be sent as JSON (application/json) or as a form.',
  originForbidden: 'Requests from this website are not allowed.',
  uploadRasterOnly:
    'Only JPEG, PNG, WebP, AVIF or GIF images can be uploaded (SVG is not allowed for security reasons).',
  requestRefused: 'Request refused',
  serverError: 'An unexpected error occurred. Please try again later.',
  rateLimitedClient: 'Too many requests in a short time. Please try again in {seconds} seconds.',
  rateLimitedEmail:
    'Too many requests for this email address. Please try again in {seconds} seconds.',
  pleaseCorrect: 'Please correct:',
  commentNotSaved: 'Your comment was not saved yet',
  commentSubmit: 'Post comment',
  backToArticle: 'Back to the article',
  back: 'Back',
  fieldName: 'Name',
  fieldEmailPrivate: 'Email (never published)',
  fieldEmail: 'Email',
  fieldWebsite: 'Website (optional)',
  fieldComment: 'Comment',
  notifyLabel: 'Notify me of:',
  notifyNone: 'nothing',
  notifyReplies: 'replies to my comment',
  notifyArticle: 'all new comments',
  subscriptionNotRequested: 'Subscription not requested yet',
  subscribe: 'Subscribe',
  scopeArticle: 'new comments on this article',
  scopePosts: 'new articles',
  confirmTitle: 'Confirm notifications',
  confirmQuestion: 'Send email notifications to {email}?',
  confirmButton: 'Confirm now',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeQuestion: 'No more emails to {email}?',
  unsubscribeButton: 'Unsubscribe now',
  unsubscribedTitle: 'Unsubscribed',
  unsubscribedText: 'You will not get these notifications any more.',
  linkInvalidTitle: 'Invalid link',
  linkInvalidText: 'This unsubscribe link is not valid. Please use the link from the latest email.',
  toWebsite: 'To the website',
  firstEditorTitle: 'Create the first editor',
  firstEditorLocalOnly:
    'The first editor can only be created from the server itself (localhost), or with ADMIN_EMAIL / ADMIN_PASSWORD on start.',
}

const catalogue: Record<Locale, Record<MessageKey, string>> = { de, en }

const isMessageKey = (key: string): key is MessageKey => key in de

/** The text of `key` in the reader's language, with `{placeholders}` filled in. */
export function message(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string> = {},
): string {
  return catalogue[locale][key].replace(
    /\{(\w+)\}/g,
    (whole, name: string) => params[name] ?? whole,
  )
}

/** For parseInput, whose schemas use message keys: the text of a key, or undefined for anything else. */
export const translator =
  (locale: Locale) =>
  (key: string): string | undefined =>
    isMessageKey(key) ? message(locale, key) : undefined
