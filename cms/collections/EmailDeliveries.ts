import type { CollectionConfig } from 'payload'
import { isEditor } from '../access/isEditor'
import { normalizeEmail } from '../utilities/normalizeEmail'

export const EMAIL_KINDS = ['confirmation', 'comment', 'reply', 'post', 'editor'] as const
export type EmailKind = (typeof EMAIL_KINDS)[number]

/**
 * Every email the product sends, one row per recipient and event. The rows are the outbox the
 * sender drains: a batch gets its idempotency key stored before it is sent, so a send that is
 * retried after a crash carries the same key and is never delivered twice. Without
 * RESEND_API_KEY this list is the local dev outbox.
 */
export const EmailDeliveries: CollectionConfig = {
  slug: 'email-deliveries',
  labels: {
    singular: { de: 'E-Mail', en: 'Email' },
    plural: { de: 'E-Mail-Ausgang', en: 'Email outbox' },
  },
  access: { read: isEditor, create: () => false, update: () => false, delete: isEditor },
  admin: { useAsTitle: 'subject', defaultColumns: ['subject', 'to', 'kind', 'status', 'sentAt'] },
  defaultSort: '-createdAt',
  indexes: [{ fields: ['eventKey', 'to'], unique: true }],
  hooks: {
    beforeValidate: [
      ({ data }) => {
        if (data?.to) data.recipientKey = normalizeEmail(String(data.to))
        return data
      },
    ],
  },
  fields: [
    { name: 'eventKey', type: 'text', required: true, index: true },
    { name: 'kind', type: 'select', required: true, options: [...EMAIL_KINDS] },
    { name: 'to', type: 'email', required: true, index: true },
    // The mailbox behind `to` (normalizeEmail): confirmation emails are throttled per mailbox.
    { name: 'recipientKey', type: 'text', index: true, admin: { hidden: true } },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'html', type: 'code', admin: { language: 'html' } },
    { name: 'headers', type: 'json' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: ['pending', 'sent', 'failed'],
    },
    { name: 'batchKey', type: 'text', index: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'text' },
    { name: 'sentAt', type: 'date' },
  ],
}
