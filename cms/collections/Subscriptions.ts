import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'
import { SUBSCRIPTION_SCOPES, type SubscriptionScope } from '../../contract'
import { isEditor } from '../access/isEditor'
import type { Subscription } from '../payload-types'
import { subscriptionTargetKey } from '../utilities/normalizeEmail'
import { relationId } from '../utilities/relationId'
import { bumpThreadStampHooks } from './CommentThreads/bumpHooks'

const SCOPE_LABELS = {
  replies: { de: 'Antworten auf eigene Kommentare', en: 'Replies to own comments' },
  article: { de: 'Alle neuen Kommentare eines Artikels', en: 'All new comments on an article' },
  posts: { de: 'Neue Artikel', en: 'New articles' },
} as const

/** Keeps `targetKey` in step with the address, scope and article, however the row is written. */
const fillTargetKey: CollectionBeforeValidateHook<Subscription> = ({ data, originalDoc }) => {
  if (!data) return data
  const email = data.email ?? originalDoc?.email
  const scope = (data.scope ?? originalDoc?.scope) as SubscriptionScope | undefined
  const article = data.article !== undefined ? data.article : originalDoc?.article
  if (email && scope) data.targetKey = subscriptionTargetKey(email, scope, relationId(article))
  return data
}

/**
 * "Notify me" subscriptions with double opt-in. One row per normalised address and target (scope
 * plus article), enforced by a unique index on `targetKey`; it moves pending -> confirmed ->
 * unsubscribed, and back to pending on a new request.
 */
const threadStamp = bumpThreadStampHooks<Subscription>(
  (doc) => doc.article,
  (doc) => doc.status === 'confirmed' && doc.scope !== 'posts',
)

export const Subscriptions: CollectionConfig = {
  slug: 'subscriptions',
  labels: {
    singular: { de: 'Abonnement', en: 'Subscription' },
    plural: { de: 'Abonnements', en: 'Subscriptions' },
  },
  access: { read: isEditor, create: () => false, update: isEditor, delete: isEditor },
  // Confirmed followers of an article's comments are counted in its public answer.
  hooks: {
    beforeValidate: [fillTargetKey],
    afterChange: [threadStamp.afterChange],
    afterDelete: [threadStamp.afterDelete],
  },
  indexes: [{ fields: ['targetKey'], unique: true }],
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'scope', 'article', 'status', 'confirmedAt'],
  },
  fields: [
    { name: 'email', type: 'email', required: true, index: true },
    // normalised address | scope | article id or "posts"; filled by fillTargetKey, unique.
    {
      name: 'targetKey',
      type: 'text',
      admin: { hidden: true },
      label: { de: 'Ziel', en: 'Target' },
    },
    {
      name: 'scope',
      type: 'select',
      required: true,
      options: SUBSCRIPTION_SCOPES.map((value) => ({ value, label: SCOPE_LABELS[value] })),
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      index: true,
      label: { de: 'Artikel', en: 'Article' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [
        { value: 'pending', label: { de: 'Unbestätigt', en: 'Pending' } },
        { value: 'confirmed', label: { de: 'Bestätigt', en: 'Confirmed' } },
        { value: 'unsubscribed', label: { de: 'Abgemeldet', en: 'Unsubscribed' } },
      ],
    },
    { name: 'locale', type: 'select', defaultValue: 'de', options: ['de', 'en'] },
    {
      name: 'consentText',
      type: 'textarea',
      admin: { readOnly: true },
      label: { de: 'Einwilligungstext', en: 'Consent text' },
    },
    {
      name: 'consentAt',
      type: 'date',
      admin: { readOnly: true },
      label: { de: 'Eingewilligt am', en: 'Consent given at' },
    },
    // Which consent text was shown (contract/consent.ts keeps every version's wording).
    {
      name: 'consentVersion',
      type: 'text',
      admin: { readOnly: true },
      label: { de: 'Einwilligungstext (Version)', en: 'Consent text (version)' },
    },
    {
      name: 'confirmedAt',
      type: 'date',
      admin: { readOnly: true },
      label: { de: 'Bestätigt am', en: 'Confirmed at' },
    },
    {
      name: 'unsubscribedAt',
      type: 'date',
      admin: { readOnly: true },
      label: { de: 'Abgemeldet am', en: 'Unsubscribed at' },
    },
    // Set when retention replaced the address of an unsubscribed row by its keyed hash
    // (cms/privacy/retention.ts): the row stays as the record of the opt-out.
    {
      name: 'redactedAt',
      type: 'date',
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'confirmExpiresAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    // The digest gate: when this follower was last emailed about the article, and when the held
    // comments (digest-items) go out.
    { name: 'notifiedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'digestDueAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
    // Only the hash of the confirmation link's token is stored.
    {
      name: 'confirmTokenHash',
      type: 'text',
      index: true,
      access: { read: () => false },
      admin: { hidden: true },
    },
  ],
}
