import type { CommentSort, CommentStats, PublicComment } from '../../contract'

export type ThreadInput = { comment: PublicComment; authorKey: string }

/** SQLite ids are numbers, MongoDB's are hex strings of equal length: either way, later ids sort later. */
const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
const byOldest = (a: PublicComment, b: PublicComment) =>
  a.createdAt.localeCompare(b.createdAt) || compareIds(a.id, b.id)
const score = (c: PublicComment) => c.reactions.up - c.reactions.down
const rootOrder: Record<CommentSort, (a: PublicComment, b: PublicComment) => number> = {
  oldest: byOldest,
  newest: (a, b) => byOldest(b, a),
  top: (a, b) => score(b) - score(a) || byOldest(a, b),
}

const countReplies = (c: PublicComment): number =>
  c.replies.reduce((sum, r) => sum + 1 + countReplies(r), 0)

/** Drops deleted comments that no longer hold a visible reply: nothing is left to keep in place. */
const prune = (list: PublicComment[]): PublicComment[] =>
  list.flatMap((c) => {
    c.replies = prune(c.replies)
    return c.deleted && c.replies.length === 0 ? [] : [c]
  })

/**
 * Builds the reply tree of one article's approved comments and its stats. Roots follow the chosen
 * sort; replies always read oldest first. Replies whose parent is not visible are left out.
 */
export function buildThread(
  input: ThreadInput[],
  sort: CommentSort,
  followers = 0,
): { stats: CommentStats; comments: PublicComment[] } {
  const byId = new Map(input.map(({ comment }) => [comment.id, comment]))
  const roots: PublicComment[] = []
  for (const { comment } of [...input].sort((a, b) => byOldest(a.comment, b.comment))) {
    if (comment.parent === null) roots.push(comment)
    else byId.get(comment.parent)?.replies.push(comment)
  }
  const comments = prune(roots).sort(rootOrder[sort])

  const visible: PublicComment[] = []
  const walk = (list: PublicComment[]) => list.forEach((c) => (visible.push(c), walk(c.replies)))
  walk(comments)
  const visibleIds = new Set(visible.map((c) => c.id))
  const authors = new Set(
    input
      .filter(({ comment }) => visibleIds.has(comment.id) && !comment.deleted)
      .map((i) => i.authorKey),
  )

  const reactions = (c: PublicComment) => c.reactions.up + c.reactions.down
  const mostReacted = visible
    .filter((c) => !c.deleted && reactions(c) > 0)
    .sort((a, b) => reactions(b) - reactions(a) || byOldest(a, b))[0]
  const hottest = comments
    .filter((c) => c.replies.length > 0)
    .sort((a, b) => countReplies(b) - countReplies(a) || byOldest(a, b))[0]

  return {
    comments,
    stats: {
      threads: comments.length,
      replies: visible.length - comments.length,
      authors: authors.size,
      followers,
      mostReacted: mostReacted?.id ?? null,
      hottestThread: hottest?.id ?? null,
    },
  }
}

/** The same roots in another order (replies keep theirs). */
export const sortRoots = (roots: readonly PublicComment[], sort: CommentSort): PublicComment[] =>
  [...roots].sort(rootOrder[sort])
