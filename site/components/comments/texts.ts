import { currentConsent } from '../../../contract'
import type { Lang } from '../../lib/i18n'

// The consent texts come from their one place with the version history (contract/consent.ts).
const commentConsent = currentConsent('comment').text
const subscriptionConsent = currentConsent('subscription').text

/** UI texts of the comment section, German first. Kept apart from lib/i18n so the island ships only these. */
const texts = {
  de: {
    /** sent with the no-JS forms, so the CMS answers (and mails) in the article's language */
    lang: 'de',
    heading: 'Kommentare',
    formHeading: 'Hinterlasse einen Kommentar',
    stats: {
      label: 'Statistik der Kommentare',
      threads: 'Kommentar-Threads',
      replies: 'Thread-Antworten',
      followers: 'Follower',
      authors: 'Kommentar-Autoren',
      mostReacted: 'Meistbewerteter Kommentar',
      hottestThread: 'Heißester Kommentar-Thread',
    },
    sort: { legend: 'Sortieren', newest: 'Neueste', oldest: 'Älteste', top: 'Beliebteste' },
    listLabel: 'Kommentare',
    empty: 'Noch keine Kommentare. Schreiben Sie den ersten!',
    loading: 'Kommentare werden geladen …',
    loadFailed: 'Die Kommentare konnten gerade nicht aktualisiert werden.',
    pages: {
      label: 'Seiten der Kommentare',
      older: 'Ältere Kommentare',
      newer: 'Neuere Kommentare',
      more: 'Weitere Kommentare laden',
      first: 'Zurück zu den ersten Kommentaren',
      of: (first: number, last: number, total: number) =>
        `${first < last ? `Seiten ${first}–${last}` : `Seite ${first}`} von ${total}`,
      loaded: (page: number, total: number) => `Seite ${page} von ${total} geladen.`,
    },
    field: {
      name: 'Name',
      email: 'E-Mail',
      emailNote: 'wird nicht veröffentlicht',
      website: 'Website',
      optional: 'optional',
      body: 'Kommentar',
      consentBefore: commentConsent.de.before,
      consentLink: commentConsent.de.link,
      consentAfter: commentConsent.de.after,
      trap: 'Dieses Feld bitte leer lassen',
    },
    notify: {
      label: 'Benachrichtige mich zu:',
      none: 'nichts',
      replies: 'Antworten auf meinen Kommentar',
      article: 'allen neuen Kommentaren',
      note: 'Sie erhalten zuerst eine E-Mail zur Bestätigung.',
      confirm: 'Bitte bestätigen Sie die Benachrichtigung über den Link in der E-Mail.',
    },
    subscribe: {
      title: 'Abonnieren',
      scope: 'Benachrichtige mich über:',
      article: 'neue Kommentare zu diesem Artikel',
      posts: 'neue Artikel',
      consentBefore: subscriptionConsent.de.before,
      submit: 'Abonnieren',
      requested: 'Wenn die Adresse abonniert werden kann, ist eine Bestätigungs-E-Mail unterwegs.',
    },
    required: 'Pflichtfeld',
    submit: 'Kommentar abschicken',
    sending: 'Wird gesendet …',
    replyHeading: (name: string) => `Antwort an ${name}`,
    reply: 'Antworten',
    replyTo: (name: string) => `${name} antworten`,
    cancel: 'Abbrechen',
    edit: 'Bearbeiten',
    editLabel: 'Kommentar bearbeiten',
    save: 'Speichern',
    delete: 'Löschen',
    confirmDelete: 'Diesen Kommentar wirklich löschen?',
    deleted: 'Kommentar gelöscht',
    edited: 'bearbeitet',
    pending: 'wartet auf Freigabe',
    up: 'Gefällt mir',
    down: 'Gefällt mir nicht',
    reactionsLabel: 'Bewertung',
    repliesLabel: (name: string) => `Antworten auf ${name}`,
    anonymous: 'Anonym',
    thanksPending: 'Danke! Ihr Kommentar wartet auf Freigabe.',
    thanksPublished: 'Danke! Ihr Kommentar ist veröffentlicht.',
    saved: 'Ihr Kommentar wurde geändert.',
    savedPending:
      'Ihr Kommentar wurde geändert und wartet wieder auf Freigabe. Bis dahin sehen nur Sie ihn.',
    removed: 'Ihr Kommentar wurde gelöscht.',
    closed: 'Die Kommentare zu diesem Beitrag sind geschlossen.',
    networkError:
      'Der Kommentar-Server ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
    editExpired: 'Die Zeit zum Bearbeiten ist abgelaufen.',
    genericError: 'Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.',
  },
  en: {
    lang: 'en',
    heading: 'Comments',
    formHeading: 'Leave a comment',
    stats: {
      label: 'Comment statistics',
      threads: 'Comment threads',
      replies: 'Thread replies',
      followers: 'Followers',
      authors: 'Comment authors',
      mostReacted: 'Most reacted comment',
      hottestThread: 'Hottest comment thread',
    },
    sort: { legend: 'Sort by', newest: 'Newest', oldest: 'Oldest', top: 'Most liked' },
    listLabel: 'Comments',
    empty: 'No comments yet. Be the first!',
    loading: 'Loading comments …',
    loadFailed: 'The comments could not be updated just now.',
    pages: {
      label: 'Comment pages',
      older: 'Older comments',
      newer: 'Newer comments',
      more: 'Load more comments',
      first: 'Back to the first comments',
      of: (first: number, last: number, total: number) =>
        `${first < last ? `Pages ${first}–${last}` : `Page ${first}`} of ${total}`,
      loaded: (page: number, total: number) => `Page ${page} of ${total} loaded.`,
    },
    field: {
      name: 'Name',
      email: 'Email',
      emailNote: 'will not be published',
      website: 'Website',
      optional: 'optional',
      body: 'Comment',
      consentBefore: commentConsent.en.before,
      consentLink: commentConsent.en.link,
      consentAfter: commentConsent.en.after,
      trap: 'Please leave this field empty',
    },
    notify: {
      label: 'Notify me of:',
      none: 'nothing',
      replies: 'replies to my comment',
      article: 'all new comments',
      note: 'You will get an email to confirm this first.',
      confirm: 'Please confirm the notification with the link in the email.',
    },
    subscribe: {
      title: 'Subscribe',
      scope: 'Notify me of:',
      article: 'new comments on this article',
      posts: 'new articles',
      consentBefore: subscriptionConsent.en.before,
      submit: 'Subscribe',
      requested: 'If the address can be subscribed, a confirmation email is on its way',
    },
    required: 'required',
    submit: 'Post comment',
    sending: 'Sending …',
    replyHeading: (name: string) => `Reply to ${name}`,
    reply: 'Reply',
    replyTo: (name: string) => `Reply to ${name}`,
    cancel: 'Cancel',
    edit: 'Edit',
    editLabel: 'Edit comment',
    save: 'Save',
    delete: 'Delete',
    confirmDelete: 'Really delete this comment?',
    deleted: 'Comment deleted',
    edited: 'edited',
    pending: 'awaiting approval',
    up: 'Like',
    down: 'Dislike',
    reactionsLabel: 'Rating',
    repliesLabel: (name: string) => `Replies to ${name}`,
    anonymous: 'Anonymous',
    thanksPending: 'Thank you! Your comment is awaiting approval.',
    thanksPublished: 'Thank you! Your comment is published.',
    saved: 'Your comment was changed.',
    savedPending:
      'Your comment was changed and awaits approval again. Until then only you can see it.',
    removed: 'Your comment was deleted.',
    closed: 'Comments on this post are closed.',
    networkError: 'The comment server cannot be reached right now. Please try again later.',
    editExpired: 'The time for editing has run out.',
    genericError: 'That did not work. Please try again.',
  },
} as const

export type CommentTexts = (typeof texts)[Lang]
export const commentTexts = (lang: Lang): CommentTexts => texts[lang]

// One formatter per language, made on first use: making one costs ~75 µs, far more than
// formatting (a cold build formats 20,000 comment dates; the island a page of them).
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>()

/** "27. November 2026, 11:00": fixed time zone so the server's HTML and the hydrated island agree. */
export function formatDateTime(iso: string, lang: Lang): string {
  let format = dateTimeFormats.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Berlin',
    })
    dateTimeFormats.set(lang, format)
  }
  return format.format(new Date(iso))
}
