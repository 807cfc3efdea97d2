import { useRef } from 'react'
import { VOTES, type PublicComment, type Vote } from '../../../contract'
import { useCommentContext } from './context'

const ICON: Record<Vote, string> = { up: '👍', down: '👎' }

/** 👍/👎 with counts; aria-pressed marks the reader's own vote. Inert until hydrated. */
export function Reactions({
  comment,
  onError,
}: {
  comment: PublicComment
  onError: (message: string | null) => void
}) {
  const { texts: t, hydrated, votes, react } = useCommentContext()
  const sending = useRef(false)
  const mine = votes[comment.id] ?? null

  async function vote(value: Vote) {
    // Ignore double clicks instead of disabling the button, which would drop keyboard focus.
    if (sending.current) return
    sending.current = true
    onError(await react(comment.id, value))
    sending.current = false
  }

  return (
    <span className="comment-reactions" role="group" aria-label={t.reactionsLabel}>
      {VOTES.map((value) => (
        <button
          key={value}
          type="button"
          className="comment-reaction"
          aria-pressed={mine === value}
          disabled={!hydrated}
          onClick={() => void vote(value)}
        >
          <span aria-hidden="true">{ICON[value]}</span>{' '}
          <span className="visually-hidden">{value === 'up' ? t.up : t.down}</span>{' '}
          <span className="comment-reaction-count">{comment.reactions[value]}</span>
        </button>
      ))}
    </span>
  )
}
