import { useEffect, useRef, useState, type ReactNode } from 'react'
import { commentAnchor, type PublicComment } from '../../../contract'
import { CommentForm } from './CommentForm'
import { useCommentContext } from './context'
import { EditForm } from './EditForm'
import { Reactions } from './Reactions'
import { formatDateTime, type CommentTexts } from './texts'

const isWebUrl = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url)

export const authorName = (comment: PublicComment, t: CommentTexts): string =>
  comment.author?.name || t.anonymous

/**
 * One comment with its actions and its inline reply or edit form; `children` are its replies,
 * rendered by CommentList, so the recursion needs no import back.
 */
export function CommentItem({
  comment,
  children,
}: {
  comment: PublicComment
  children?: ReactNode
}) {
  const ctx = useCommentContext()
  const { texts: t } = ctx
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const replyButton = useRef<HTMLButtonElement>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const refocusEdit = useRef(false)

  // The "Bearbeiten" button is back only once editing ended: return focus to it then.
  useEffect(() => {
    if (editing || !refocusEdit.current) return
    refocusEdit.current = false
    editButton.current?.focus()
  }, [editing])

  const anchor = commentAnchor(comment.id)
  const name = authorName(comment, t)
  const waiting = ctx.waiting.has(comment.id)
  const own = ctx.isOwn(comment.id)
  const replying = ctx.replyTo === comment.id
  const canReply = ctx.hydrated && ctx.open && !waiting && !comment.deleted

  function closeReply() {
    ctx.setReplyTo(null)
    replyButton.current?.focus()
  }
  function closeEdit() {
    refocusEdit.current = true
    setEditing(false)
  }
  async function save(body: string) {
    const errors = await ctx.edit(comment.id, body)
    if (!errors) setEditing(false)
    return errors
  }
  async function remove() {
    if (!window.confirm(t.confirmDelete)) return
    setError(await ctx.remove(comment.id))
  }

  return (
    <li className="comment-thread">
      {comment.deleted ? (
        <article id={anchor} className="comment comment--deleted" tabIndex={-1}>
          <p>{t.deleted}</p>
        </article>
      ) : (
        <article
          id={anchor}
          className={waiting ? 'comment comment--waiting' : 'comment'}
          tabIndex={-1}
          aria-label={name}
        >
          <header className="comment-meta">
            <span className="comment-author">
              {isWebUrl(comment.author?.url ?? null) ? (
                <a href={comment.author?.url ?? undefined} rel="nofollow ugc noopener">
                  {name}
                </a>
              ) : (
                name
              )}
            </span>{' '}
            <a className="comment-permalink" href={`#${anchor}`}>
              <time dateTime={comment.createdAt}>
                {formatDateTime(comment.createdAt, ctx.lang)}
              </time>
            </a>
            {comment.editedAt && <span className="comment-edited"> ({t.edited})</span>}
            {waiting && <strong className="comment-waiting"> {t.pending}</strong>}
          </header>
          {editing ? (
            <EditForm
              commentId={comment.id}
              initialText={ctx.sourceOf(comment)}
              texts={t}
              onSave={save}
              onCancel={closeEdit}
            />
          ) : (
            // The CMS sanitizes comment HTML before it leaves the API; this is the only raw HTML here.
            <div className="comment-body" dangerouslySetInnerHTML={{ __html: comment.html }} />
          )}
          <footer className="comment-actions">
            {!waiting && <Reactions comment={comment} onError={setError} />}
            {canReply && (
              <button
                ref={replyButton}
                type="button"
                className="comment-button comment-button--link"
                aria-expanded={replying}
                aria-label={t.replyTo(name)}
                onClick={() => ctx.setReplyTo(replying ? null : comment.id)}
              >
                {t.reply}
              </button>
            )}
            {own && !editing && (
              <>
                <button
                  ref={editButton}
                  type="button"
                  className="comment-button comment-button--link"
                  onClick={() => setEditing(true)}
                >
                  {t.edit}
                </button>
                <button
                  type="button"
                  className="comment-button comment-button--link"
                  onClick={() => void remove()}
                >
                  {t.delete}
                </button>
              </>
            )}
          </footer>
          {error && (
            <p className="comment-field-error" role="alert">
              {error}
            </p>
          )}
        </article>
      )}
      {replying && (
        <div className="comment-reply">
          <p className="comment-reply-title" id={`antwort-${comment.id}-titel`}>
            {t.replyHeading(name)}
          </p>
          <CommentForm
            idPrefix={`antwort-${comment.id}`}
            action={ctx.action}
            parent={comment.id}
            labelledBy={`antwort-${comment.id}-titel`}
            texts={t}
            onSubmit={ctx.submit}
            onCancel={closeReply}
            autoFocus
            formToken={ctx.formToken}
          />
        </div>
      )}
      {children}
    </li>
  )
}
