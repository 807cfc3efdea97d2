import type { GlobalConfig } from 'payload'
import { isEditor } from '../access/isEditor'
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
            de: 'Nur den ersten Kommentar einer E-Mail-Adresse prüfen',
            en: 'Hold the first comment of an email address',
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
  ],
}
