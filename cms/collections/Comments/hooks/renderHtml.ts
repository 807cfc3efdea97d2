import type { CollectionBeforeChangeHook } from 'payload'
import type { Comment } from '../../../payload-types'
import { renderCommentHtml, RENDERER_VERSION } from '../render'

/** Renders the comment's HTML when it is written or edited (or rendered by an older renderer), never per read. */
export const renderHtml: CollectionBeforeChangeHook<Comment> = ({ data, originalDoc }) => {
  const body = data.body ?? originalDoc?.body ?? ''
  const stale = originalDoc?.htmlVersion !== RENDERER_VERSION || originalDoc?.body !== body
  if (!stale && data.html === undefined) return data
  return { ...data, html: renderCommentHtml(body), htmlVersion: RENDERER_VERSION }
}
