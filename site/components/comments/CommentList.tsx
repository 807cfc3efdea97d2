import type { PublicComment } from '../../../contract'
import { useCommentContext } from './context'
import { authorName, CommentItem } from './CommentItem'

/** One level of the thread: the comments, or the replies of one comment, each with its own replies below. */
export function CommentList({
  comments,
  label,
}: {
  comments: readonly PublicComment[]
  label: string
}) {
  const { texts: t } = useCommentContext()
  return (
    <ol className="comment-list" aria-label={label}>
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment}>
          {comment.replies.length > 0 && (
            <CommentList
              comments={comment.replies}
              label={t.repliesLabel(authorName(comment, t))}
            />
          )}
        </CommentItem>
      ))}
    </ol>
  )
}
