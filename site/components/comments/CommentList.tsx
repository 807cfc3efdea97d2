import type { PublicComment } from '../../../contract'
import { CommentItem } from './CommentItem'

/** One level of the thread: the comments, or the replies of one comment. */
export function CommentList({ comments, label }: { comments: readonly PublicComment[]; label: string }) {
  return (
    <ol className="comment-list" aria-label={label}>
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} />
      ))}
    </ol>
  )
}
