import type { Comment } from '../payload-types'
import { renderCommentHtml } from './render'

/** What the public sees of a comment: never the email, never the status of others. */
export type PublicComment = {
  id: string
  parent: string | null
  depth: number
  author: { name: string; url: string | null } | null
  html: string
  createdAt: string
  editedAt: string | null
  deleted: boolean
  reactions: { up: number; down: number }
  replies: PublicComment[]
}

const relationId = (value: Comment['parent'] | Comment['article']): string | null =>
  value === null || value === undefined ? null : String(typeof value === 'object' ? value.id : value)

export function toPublicComment(doc: Comment): PublicComment {
  const deleted = Boolean(doc.deleted)
  return {
    id: String(doc.id),
    parent: relationId(doc.parent),
    depth: doc.depth ?? 1,
    author: deleted ? null : { name: doc.authorName ?? '', url: doc.authorUrl || null },
    html: deleted ? '' : renderCommentHtml(doc.body ?? ''),
    createdAt: doc.createdAt,
    editedAt: doc.editedAt ?? null,
    deleted,
    reactions: { up: doc.reactionsUp ?? 0, down: doc.reactionsDown ?? 0 },
    replies: [],
  }
}
