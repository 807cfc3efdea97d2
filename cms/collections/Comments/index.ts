import type { CollectionConfig } from 'payload'
import { isEditor } from '../../access/isEditor'
import type { Comment } from '../../payload-types'
import { bumpThreadStampHooks } from '../CommentThreads/bumpHooks'
import { queueNotifications } from './hooks/queueNotifications'
import { hashBody } from './hooks/hashBody'
import { rebuildOnCommentChange, rebuildOnCommentDelete } from './hooks/rebuildSite'
import { renderHtml } from './hooks/renderHtml'
import { SPAM_REASONS, type SpamReason } from '../../spam/spamCheck'

const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const

/** Approved comments are the public answer; a change to one (or to its approval) gives it a new stamp. */
const threadStamp = bumpThreadStampHooks<Comment>(
  (doc) => doc.article,
  (doc) => doc.status === 'approved',
)

const STATUS_LABELS = {
  pending: { de: 'Ausstehend', en: 'Pending' },
  approved: { de: 'Freigegeben', en: 'Approved' },
  spam: { de: 'Spam', en: 'Spam' },
  trash: { de: 'Papierkorb', en: 'Trash' },
} as const

const SPAM_REASON_LABELS: Record<SpamReason, { de: string; en: string }> = {
  honeypot: { de: 'Verstecktes Feld ausgefüllt', en: 'Hidden field filled in' },
  tokenMissing: { de: 'Formular-Token fehlt oder ungültig', en: 'Form token missing or invalid' },
  tooFast: { de: 'Zu schnell abgeschickt', en: 'Sent too fast' },
  tooManyLinks: { de: 'Zu viele Links', en: 'Too many links' },
  blockedWord: { de: 'Wort der Sperrliste', en: 'Blocklisted word' },
  blockedEmail: { de: 'E-Mail der Sperrliste', en: 'Blocklisted email' },
  blockedDomain: { de: 'Domain der Sperrliste', en: 'Blocklisted domain' },
  duplicate: { de: 'Doppelt (gleicher Text in 24 h)', en: 'Duplicate (same text within 24 h)' },
}

/**
 * Reader comments. The public never touches this collection through Payload's REST API: it uses
 * the validated endpoints in cms/comments/endpoints. Editors moderate here (filter by status, bulk
 * edit the status of many, edit the text).
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  labels: {
    singular: { de: 'Kommentar', en: 'Comment' },
    plural: { de: 'Kommentare', en: 'Comments' },
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  defaultSort: '-createdAt',
  hooks: {
    beforeChange: [renderHtml, hashBody],
    afterChange: [queueNotifications, threadStamp.afterChange, rebuildOnCommentChange],
    afterDelete: [threadStamp.afterDelete, rebuildOnCommentDelete],
  },
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'body', 'status', 'article', 'createdAt'],
    listSearchableFields: ['authorName', 'authorEmail', 'body'],
    description: {
      de: 'Zum Freigeben: nach Status „Ausstehend“ filtern, Kommentare auswählen, „Bearbeiten“ → Status setzen.',
      en: 'To approve: filter by status "Pending", select comments, "Edit" → set the status.',
    },
  },
  fields: [
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: COMMENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      label: { de: 'Artikel', en: 'Article' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
      label: { de: 'Antwort auf', en: 'Reply to' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'depth',
      type: 'number',
      defaultValue: 1,
      min: 1,
      label: { de: 'Ebene', en: 'Depth' },
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'authorName', type: 'text', maxLength: 80, label: { de: 'Name', en: 'Name' } },
    {
      name: 'authorEmail',
      type: 'email',
      index: true,
      label: { de: 'E-Mail (nie öffentlich)', en: 'Email (never public)' },
    },
    { name: 'authorUrl', type: 'text', label: { de: 'Website', en: 'Website' } },
    { name: 'body', type: 'textarea', maxLength: 5000, label: { de: 'Kommentar', en: 'Comment' } },
    { name: 'bodyHash', type: 'text', index: true, admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'reactionsUp',
          type: 'number',
          defaultValue: 0,
          admin: { readOnly: true },
          label: { de: 'Daumen hoch', en: 'Thumbs up' },
        },
        {
          name: 'reactionsDown',
          type: 'number',
          defaultValue: 0,
          admin: { readOnly: true },
          label: { de: 'Daumen runter', en: 'Thumbs down' },
        },
      ],
    },
    {
      name: 'editedAt',
      type: 'date',
      admin: { position: 'sidebar', readOnly: true },
      label: { de: 'Bearbeitet am', en: 'Edited at' },
    },
    {
      name: 'deleted',
      type: 'checkbox',
      defaultValue: false,
      label: {
        de: 'Vom Autor gelöscht (Thread bleibt)',
        en: 'Deleted by its author (thread kept)',
      },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'consentAt',
      type: 'date',
      admin: { position: 'sidebar', readOnly: true },
      label: { de: 'Einwilligung am', en: 'Consent given at' },
    },
    // Which consent text was shown (contract/consent.ts keeps every version's wording).
    {
      name: 'consentVersion',
      type: 'text',
      admin: { position: 'sidebar', readOnly: true },
      label: { de: 'Einwilligungstext (Version)', en: 'Consent text (version)' },
    },
    {
      name: 'spamReason',
      type: 'select',
      options: SPAM_REASONS.map((value) => ({ value, label: SPAM_REASON_LABELS[value] })),
      label: { de: 'Als Spam erkannt, weil', en: 'Marked spam because' },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.spamReason),
      },
    },
    // Set once the editors were told this comment waits (one notice covers a whole burst).
    { name: 'editorsNotified', type: 'checkbox', defaultValue: false, admin: { hidden: true } },
    // Rendered from the body on every write (hooks/renderHtml); what readers get.
    { name: 'html', type: 'textarea', admin: { hidden: true } },
    { name: 'htmlVersion', type: 'number', admin: { hidden: true } },
    // Only the hash of the author's edit token is kept; nobody can read it back.
    {
      name: 'editTokenHash',
      type: 'text',
      access: { read: () => false, update: () => false },
      admin: { hidden: true },
    },
    // The hash of the submission's Idempotency-Key header: a retry of the same submission finds
    // this comment instead of adding a twin (unique, so even two processes cannot store both).
    {
      name: 'idempotencyKeyHash',
      type: 'text',
      unique: true,
      access: { read: () => false, update: () => false },
      admin: { hidden: true },
    },
  ],
}
