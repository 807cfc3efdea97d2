import type { CollectionAfterChangeHook } from 'payload'
import type { PayloadRequest } from 'payload'
import type { Comment } from '../../../payload-types'
import { queueTask } from '../../../jobs/queues'

/** A queued notice covers every comment that arrives until it runs; this process queues one at a time. */
const NOTICE_PENDING_MS = 10_000
let noticeQueuedAt = 0
export const editorNoticeStarted = (): void => {
  noticeQueuedAt = 0
}

async function requestEditorNotice(req: PayloadRequest): Promise<void> {
  if (Date.now() - noticeQueuedAt < NOTICE_PENDING_MS) return
  noticeQueuedAt = Date.now()
  await queueTask(req.payload, 'notifyEditors', {}, { req })
}

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
    await queueTask(req.payload, 'notifyComment', { commentId: String(doc.id) }, { req })
  // Only 'pending' waits for the editors: spam never asks for their attention.
  const nowPending =
    doc.status === 'pending' &&
    (operation === 'create' || (context.authorEdit === true && previousDoc?.status !== 'pending'))
  if (nowPending) await requestEditorNotice(req)
  return doc
}
