import type { Payload } from 'payload'

/** A top-level comment stored as an import would (no notification), by Lea, in this status. */
export const seedComment = (
  payload: Payload,
  article: number,
  body: string,
  status: 'approved' | 'pending',
) =>
  payload.create({
    collection: 'comments',
    context: { bulkImport: true },
    data: { article, authorName: 'Lea', authorEmail: 'lea@example.de', body, status, depth: 1 },
  })
