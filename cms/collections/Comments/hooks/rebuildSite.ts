import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import type { Comment } from '../../../payload-types'
import { requestRebuild } from '../../../publishing/requestRebuild'
import { publishingSettings } from '../../../publishing/settings'

/** What the static article pages show of a comment; reactions and followers wait for the next build. */
const SHOWN = [
  'status',
  'html',
  'authorName',
  'authorUrl',
  'parent',
  'deleted',
  'editedAt',
] as const

const isPublic = (doc: Comment | undefined) => doc?.status === 'approved'

/**
 * A comment approved, unapproved, edited or deleted while public rebuilds the site, so readers
 * without JavaScript and crawlers see it in the static page (through the same cheap incremental
 * build as a publish). A vote only changes counts: the page takes them with its next build.
 */
export const rebuildOnCommentChange: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  operation,
  context,
  req,
}) => {
  // An import (or re-render) of many comments asks for one build itself, afterwards.
  if (context.bulkImport || !publishingSettings().autoRebuild) return doc
  if (!(isPublic(doc) || isPublic(previousDoc))) return doc
  const changed =
    operation === 'create' || SHOWN.some((field) => doc[field] !== previousDoc?.[field])
  if (changed) await requestRebuild(req.payload, req)
  return doc
}

export const rebuildOnCommentDelete: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  if (publishingSettings().autoRebuild && isPublic(doc)) await requestRebuild(req.payload, req)
  return doc
}
