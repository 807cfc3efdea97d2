import type { CollectionConfig } from 'payload'

/**
 * Comments held for a follower's next digest: one row per (subscription, comment), written by the
 * fan-out when the follower was emailed within the digest window, read and removed by the digest.
 * Rows, not a list on the subscription, so concurrent fan-outs never overwrite each other.
 */
export const DigestItems: CollectionConfig = {
  slug: 'digest-items',
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  admin: { hidden: true },
  indexes: [{ fields: ['subscription', 'comment'], unique: true }],
  fields: [
    {
      name: 'subscription',
      type: 'relationship',
      relationTo: 'subscriptions',
      required: true,
      index: true,
    },
    { name: 'comment', type: 'relationship', relationTo: 'comments', required: true },
    { name: 'kind', type: 'select', required: true, options: ['comment', 'reply'] },
  ],
}
