import type { GlobalConfig } from 'payload'
import { isEditor } from '../access/isEditor'
import { DEFAULT_MAX_LINKS } from '../spam/spamCheck'
import { forgetCommentSettings } from './readCommentSettings'

export const MODERATION_POLICIES = ['all', 'first', 'none'] as const
export type ModerationPolicy = (typeof MODERATION_POLICIES)[number]

export const CommentSettings: GlobalConfig = {
  slug: 'comment-settings',
  label: { de: 'Kommentar-Einstellungen', en: 'Comment settings' },
  access: { read: isEditor, update: isEditor },
  hooks: { afterChange: [({ doc }) => (forgetCommentSettings(), doc)] },
  fields: [
    {
      name: 'moderation',
      type: 'radio',
      defaultValue: 'first',
      label: { de: 'Freigabe', en: 'Moderation' },
      options: [
        {
          value: 'all',
          label: { de: 'Alle neuen Kommentare prüfen', en: 'Hold every new comment' },
        },
        {
          value: 'first',
          label: {
            de: 'Nur Kommentare unbestätigter E-Mail-Adressen prüfen (bestätigt = per E-Mail bestätigtes Abo)',
            en: 'Hold comments of unconfirmed addresses (confirmed = a subscription confirmed by email)',
          },
        },
        { value: 'none', label: { de: 'Sofort veröffentlichen', en: 'Publish at once' } },
      ],
    },
    {
      name: 'maxDepth',
      type: 'number',
      defaultValue: 5,
      min: 1,
      max: 10,
      label: { de: 'Maximale Antworttiefe', en: 'Maximum reply depth' },
      admin: {
        description: {
          de: 'Antworten auf tieferer Ebene hängen sich auf der tiefsten Ebene an (wie bei WordPress).',
          en: 'Replies below this depth attach at the deepest level (as WordPress does).',
        },
      },
    },
    {
      name: 'digestMinutes',
      type: 'number',
      defaultValue: 15,
      min: 0,
      label: { de: 'Sammel-E-Mails: Fenster in Minuten', en: 'Digest window in minutes' },
      admin: {
        description: {
          de: 'Ein Abonnent erhält zu einem Artikel höchstens eine E-Mail je Fenster; der erste Kommentar nach einer ruhigen Zeit geht sofort hinaus, spätere sammeln sich. 0 = jeder Kommentar sofort.',
          en: 'A follower gets at most one email per article per window; the first comment after a quiet time goes out at once, later ones collect. 0 = every comment at once.',
        },
      },
    },
    {
      name: 'maxLinks',
      type: 'number',
      defaultValue: DEFAULT_MAX_LINKS,
      min: 0,
      max: 50,
      label: { de: 'Höchstens so viele Links je Kommentar', en: 'Most links per comment' },
      admin: {
        description: {
          de: 'Ein Kommentar mit mehr Links im Text landet als Spam.',
          en: 'A comment with more links in its text is stored as spam.',
        },
      },
    },
    {
      name: 'blocklist',
      type: 'textarea',
      label: { de: 'Sperrliste', en: 'Blocklist' },
      admin: {
        rows: 8,
        description: {
          de: 'Ein Eintrag je Zeile: eine E-Mail-Adresse (spam@example.com), eine Domain (example.com, gilt für E-Mail, Website und Links im Text, auch für Subdomains) oder ein Wort bzw. eine Wortfolge (ganze Wörter, Groß-/Kleinschreibung egal). Treffer landen als Spam. Zeilen mit # sind Notizen.',
          en: 'One entry a line: an email address (spam@example.com), a domain (example.com: email, website and links in the text, subdomains too) or a word or phrase (whole words, any case). Hits are stored as spam. Lines starting with # are notes.',
        },
      },
    },
  ],
}
