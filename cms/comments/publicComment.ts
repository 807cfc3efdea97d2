import type { OwnComment, PublicComment } from '../../contract'
import type { Comment } from '../payload-types'
import { relationId } from '../utilities/relationId'
import { renderCommentHtml, RENDERER_VERSION } from '../collections/Comments/render'

/** The HTML rendered when the comment was written; rendered now only if an older renderer made it. */
const storedHtml = (doc: Comment): string =>
  doc.htmlVersion === RENDERER_VERSION && typeof doc.html === 'string'
    ? doc.html
    : renderCommentHtml(doc.body ?? '')

/** What the public sees of a comment: never the email, never the status of others. */
export function toPublicComment(doc: Comment): PublicComment {
  const deleted = Boolean(doc.deleted)
  const parent = relationId(doc.parent)
  return {
    id: String(doc.id),
    parent: parent === null ? null : String(parent),
    depth: doc.depth ?? 1,
    author: deleted ? null : { name: doc.authorName ?? '', url: doc.authorUrl || null },
    html: deleted ? '' : storedHtml(doc),
    createdAt: doc.createdAt,
    editedAt: doc.editedAt ?? null,
    deleted,
    reactions: { up: doc.reactionsUp ?? 0, down: doc.reactionsDown ?? 0 },
    replies: [],
  }
}

/** Only the author's own answers carry the status and the raw text, for editing it later. */
export const toOwnComment = (doc: Comment): OwnComment => ({
  ...toPublicComment(doc),
  status: doc.status === 'approved' ? 'approved' : 'pending',
  body: doc.body ?? '',
})
