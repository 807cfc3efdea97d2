import type { Access } from 'payload'

/** Editors read everything; the public only documents marked `public` (media of published articles). */
export const publicOrEditor: Access = ({ req }) => {
  if (req.user) return true
  return { public: { equals: true } }
}
