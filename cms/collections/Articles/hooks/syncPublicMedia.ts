import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import type { Article } from '../../../payload-types'
import { syncPublicMedia } from '../../Media/publicMedia'

/**
 * Publishing, unpublishing, editing a published article or deleting it changes which media the
 * public may read. Draft saves (autosave every 2 s) of an unpublished article change nothing.
 */
export const publicMediaOnChange: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc._status === 'published' || previousDoc?._status === 'published')
    await syncPublicMedia(req.payload, req)
  return doc
}

export const publicMediaOnDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  if (doc._status === 'published') await syncPublicMedia(req.payload, req)
  return doc
}
