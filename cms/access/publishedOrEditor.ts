import type { Access } from 'payload'

/** The public reads published documents only; editors read drafts too. */
export const publishedOrEditor: Access = ({ req }) => {
  if (req.user) return true
  return { _status: { equals: 'published' } }
}
