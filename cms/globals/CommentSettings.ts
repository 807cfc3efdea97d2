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
  ],
}
