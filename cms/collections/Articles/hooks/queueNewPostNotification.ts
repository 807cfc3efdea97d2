import type { CollectionAfterChangeHook } from 'payload'
import type { Article } from '../../../payload-types'
import { queueTask } from '../../../jobs/queues'

/** A first publish tells "new articles" subscribers, as a job queued with the request (runs after commit). */
export const queueNewPostNotification: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc._status === 'published' && previousDoc?._status !== 'published') {
    await queueTask(req.payload, 'notifyNewPost', { articleId: String(doc.id) }, { req })
  }
  return doc
}
