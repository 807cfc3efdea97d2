import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import type { Article } from '../../../payload-types'
import { requestRebuild } from '../../../publishing/requestRebuild'
import { publishingSettings } from '../../../publishing/settings'

/** Publishing, unpublishing or editing a published article (and a scheduled publish) rebuilds the site. */
export const rebuildOnPublishedChange: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (!publishingSettings().autoRebuild) return doc
  if (doc._status === 'published' || previousDoc?._status === 'published')
    await requestRebuild(req.payload, req)
  return doc
}

export const rebuildOnDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  if (publishingSettings().autoRebuild && doc._status === 'published')
    await requestRebuild(req.payload, req)
  return doc
}
