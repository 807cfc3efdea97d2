import type { CollectionConfig } from 'payload'
import { isEditor } from '../access/isEditor'

/** One row per reader (and per client address) and comment: the vote counts on comments are derived from these. */
export const CommentReactions: CollectionConfig = {
  slug: 'comment-reactions',
  labels: {
    singular: { de: 'Reaktion', en: 'Reaction' },
    plural: { de: 'Reaktionen', en: 'Reactions' },
  },
  access: { read: isEditor, create: () => false, update: () => false, delete: isEditor },
  admin: { hidden: true },
  indexes: [{ fields: ['comment', 'readerHash'], unique: true }],
  fields: [
    { name: 'comment', type: 'relationship', relationTo: 'comments', required: true, index: true },
    // A hash of the reader's random token: enough to keep one vote per reader, says nothing about them.
    { name: 'readerHash', type: 'text', required: true },
    // A keyed hash of the client's address (comments/clientAddress): one vote per client too, so
    // a fresh reader token does not buy a second vote. Empty when the address is unknown.
    { name: 'clientHash', type: 'text', index: true },
    { name: 'value', type: 'select', required: true, options: ['up', 'down'] },
  ],
}
