import type { CollectionConfig } from 'payload'

/**
 * One row per article with comments: a stamp that every change to the article's public comment
 * answer replaces (approval, edit, delete, reaction, moderation, follower count, the article
 * itself). Readers' GETs compare it with the answer they cached, so every CMS process on the
 * database sees a change, not only the one whose hooks made it.
 */
export const CommentThreads: CollectionConfig = {
  slug: 'comment-threads',
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  admin: { hidden: true },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', unique: true },
    { name: 'stamp', type: 'text', required: true },
  ],
}
