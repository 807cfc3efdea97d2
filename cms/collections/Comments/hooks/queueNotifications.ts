import type { CollectionAfterChangeHook } from 'payload'
import type { Comment } from '../../../payload-types'

/**
 * Queues notifications as jobs with the request, so they run only after the change is committed
 * and never inside the reader's or editor's request.
 */
export const queueNotifications: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  // Bulk imports (old comments from another blog, benchmarks) notify nobody.
  if (context.bulkImport) return doc
  const becameApproved =
    doc.status === 'approved' && (operation === 'create' || previousDoc?.status !== 'approved')
  if (becameApproved && !doc.deleted)
    await req.payload.jobs.queue({
      task: 'notifyComment',
      input: { commentId: String(doc.id) },
      req,
    })
  if (operation === 'create' && doc.status === 'pending')
    await req.payload.jobs.queue({
      task: 'notifyEditors',
      input: { commentId: String(doc.id) },
      req,
    })
  return doc
}
