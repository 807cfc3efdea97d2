import { createHash } from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'
import type { Comment } from '../../../payload-types'

/** The text's fingerprint, so "the same text on this article today" is one indexed lookup. */
export const bodyHash = (body: string): string =>
  createHash('sha256').update(body.trim()).digest('hex')

export const hashBody: CollectionBeforeChangeHook<Comment> = ({ data, originalDoc }) => {
  const body = data.body ?? originalDoc?.body ?? ''
  return { ...data, bodyHash: bodyHash(body) }
}
