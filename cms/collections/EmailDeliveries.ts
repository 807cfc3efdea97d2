import type { CollectionConfig } from 'payload'
import { isEditor } from '../access/isEditor'
import { normalizeEmail } from '../utilities/normalizeEmail'

export const EMAIL_KINDS = ['confirmation', 'comment', 'reply', 'post', 'editor'] as const
export type EmailKind = (typeof EMAIL_KINDS)[number]

/**
 * Why a row failed: `recipient` (the provider refused this one address; sending it again cannot
 * help), `account` (401/403: key or domain) and `outage` (5xx, timeouts, after every retry). The
 * latter two are resent on their own once the cause is gone (cms/email/requeueFailed.ts).
 */
export const FAILURE_KINDS = ['recipient', 'account', 'outage'] as const
export type FailureKind = (typeof FAILURE_KINDS)[number]
/** The failures that are not about one address: sending again helps once the cause is gone. */
export const PASSING_FAILURES = ['account', 'outage'] as const satisfies FailureKind[]

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
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'kind', 'status', 'sentAt', 'lastError'],
    // Why mail waits or fails (daily budget, a failing provider), with "Alle erneut senden".
    components: { beforeList: ['/email/MailStatusBanner#MailStatusBanner'] },
  },
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
    {
      name: 'resend',
      type: 'ui',
      admin: { components: { Field: '/email/ResendButton#ResendButton' } },
    },
    { name: 'eventKey', type: 'text', required: true, index: true },
    { name: 'kind', type: 'select', required: true, options: [...EMAIL_KINDS] },
    { name: 'to', type: 'email', required: true, index: true },
    // The mailbox behind `to` (normalizeEmail): confirmation emails are throttled per mailbox.
    { name: 'recipientKey', type: 'text', index: true, admin: { hidden: true } },
    { name: 'subject', type: 'text', required: true },
    // Payload caps text at 40,000 characters by default; an email over it must not fail silently.
    { name: 'text', type: 'textarea', required: true, maxLength: 1_000_000 },
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
    // When the batch key was given: the provider forgets keys after 24 h (see sendOutbox).
    { name: 'batchedAt', type: 'date' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'text' },
    {
      name: 'failure',
      type: 'select',
      index: true,
      label: { de: 'Fehlerart', en: 'Failure' },
      options: [
        { value: 'recipient', label: { de: 'Adresse abgelehnt', en: 'Address refused' } },
        { value: 'account', label: { de: 'Schlüssel oder Domain', en: 'Key or domain' } },
        { value: 'outage', label: { de: 'Ausfall', en: 'Outage' } },
      ] satisfies { value: FailureKind; label: Record<'de' | 'en', string> }[],
    },
    // Kept while the row is resent, so the admin can say how long sending has been failing.
    {
      name: 'firstFailedAt',
      type: 'date',
      index: true,
      label: { de: 'Fehlgeschlagen seit', en: 'Failing since' },
    },
    // Set when retention reduced the row to its metadata (cms/privacy/retention.ts): no body, no
    // links, the recipient replaced by its keyed hash. Such a row is never sent again.
    { name: 'redactedAt', type: 'date', index: true },
    // Indexed: the daily budget counts today's sent rows.
    { name: 'sentAt', type: 'date', index: true },
  ],
}
