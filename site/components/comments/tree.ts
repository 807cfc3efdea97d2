import type { CommentSort, PublicComment } from '../../../contract'

/** Immutable edits of the comment tree, for updates in place without refetching. */

export function findComment(tree: readonly PublicComment[], id: string): PublicComment | undefined {
  for (const comment of tree) {
    if (comment.id === id) return comment
    const found = findComment(comment.replies, id)
    if (found) return found
  }
  return undefined
}

/**
 * Adds a comment under its parent (a reply goes last, like the API sorts replies) or as a thread:
 * first when sorted newest first, else last. A comment whose parent is not shown goes nowhere.
 */
export function insertComment(
  tree: readonly PublicComment[],
  comment: PublicComment,
  sort: CommentSort,
): PublicComment[] {
  if (findComment(tree, comment.id)) return [...tree]
  if (!comment.parent) return sort === 'newest' ? [comment, ...tree] : [...tree, comment]
  return updateComment(tree, comment.parent, (parent) => ({
    ...parent,
    replies: [...parent.replies, comment],
  }))
}

export function updateComment(
  tree: readonly PublicComment[],
  id: string,
  change: (comment: PublicComment) => PublicComment,
): PublicComment[] {
  return tree.map((comment) =>
    comment.id === id
      ? change(comment)
      : comment.replies.length
        ? { ...comment, replies: updateComment(comment.replies, id, change) }
        : comment,
  )
}

/** What the API does on DELETE: a comment with replies stays as "deleted" so the thread keeps its shape. */
export function deleteComment(tree: readonly PublicComment[], id: string): PublicComment[] {
  return tree.flatMap((comment): PublicComment[] => {
    if (comment.id === id)
      return comment.replies.length
        ? [{ ...comment, deleted: true, author: null, html: '', replies: comment.replies }]
        : []
    return [
      comment.replies.length
        ? { ...comment, replies: deleteComment(comment.replies, id) }
        : comment,
    ]
  })
}
