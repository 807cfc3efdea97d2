import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { commentAnchor, DEFAULT_LOCALE, DEFAULT_SORT, FORM_ANCHORS, type CommentSort, type CommentsData, type OwnComment, type PublicComment, type Vote } from '../../../contract'
import type { Lang } from '../../lib/i18n'
import { commentsApi, commentsUrl, subscriptionsUrl, type ApiResult, type FieldError, type NewComment, type NewSubscription } from './api'
import { CommentForm } from './CommentForm'
import { CommentList } from './CommentList'
import { CommentStats } from './CommentStats'
import { CommentContext, type CommentContextValue } from './context'
import { isFresh, loadEditTokens, nextExpiry, removeEditToken, saveEditToken, type EditTokens } from './editTokens'
import { htmlToText } from './htmlToText'
import { loadVotes, readerToken, saveVote, type Votes } from './readerToken'
import { SortControl } from './SortControl'
import { SubscribeForm, type SubscribeOutcome } from './SubscribeForm'
import { commentTexts } from './texts'
import { deleteComment, findComment, insertComment, updateComment } from './tree'
import './comments.css'

export interface CommentSectionProps {
  slug: string
  /** public URL of the CMS (CMS_URL); the island talks only to its /api/public endpoints */
  apiBase: string
  lang?: Lang
  /** the approved comments at build time (default order) and whether new ones are welcome: the static HTML without JavaScript */
  initial: CommentsData
}

const LIST_ID = 'kommentare-liste'
const CLOSED_ID = 'kommentare-geschlossen'

/** The comment id in the URL's #fragment: the no-JS form redirects to the new comment's anchor. */
function hashedComment(): string | null {
  const prefix = `#${commentAnchor('')}`
  const { hash } = window.location
  return hash.startsWith(prefix) && hash.length > prefix.length ? hash.slice(prefix.length) : null
}

/**
 * The comment section of an article. Rendered at build time from `initial` (readable and
 * indexable without JavaScript, the form posts as a plain HTML form), then hydrated: it refetches
 * the live thread and posts, reacts, edits and deletes in place.
 */
export default function CommentSection({ slug, apiBase, lang = DEFAULT_LOCALE, initial }: CommentSectionProps) {
  const t = commentTexts(lang)
  const api = useMemo(() => commentsApi(apiBase, slug, lang), [apiBase, slug, lang])
  const [data, setData] = useState<CommentsData>(initial)
  const [sort, setSort] = useState<CommentSort>(DEFAULT_SORT)
  const [open, setOpen] = useState(initial.commentsOpen)
  const [hydrated, setHydrated] = useState(false)
  const [busy, setBusy] = useState(false)
  const [loadFailed, setLoadFailed] = useState(false)
  const [posted, setPosted] = useState<OwnComment[]>([])
  const [sources, setSources] = useState<Record<string, string>>({})
  const [tokens, setTokens] = useState<EditTokens>({})
  const [votes, setVotes] = useState<Votes>({})
  const [replyTo, setReplyTo] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [focusTarget, setFocusTarget] = useState<string | null>(null)
  const latestLoad = useRef(0)

  const announce = (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text))
  const failure = (result: Extract<ApiResult<unknown>, { ok: false }>): FieldError[] =>
    result.status === 0 ? [{ message: t.networkError }] : result.errors.length ? result.errors : [{ message: t.genericError }]

  const load = useCallback(
    async (order: CommentSort, { quiet = false, revealHash = false } = {}) => {
      const call = ++latestLoad.current
      if (!quiet) setBusy(true)
      const result = await api.list(order)
      if (call !== latestLoad.current) return // a newer load (another sort) wins
      setBusy(false)
      setLoadFailed(!result.ok && result.status !== 404)
      if (!result.ok) return
      setData(result.data)
      setOpen(result.data.commentsOpen)
      // The no-JS form redirects to the new comment's anchor; that comment exists only in the live thread.
      const target = revealHash ? hashedComment() : null
      if (target && findComment(result.data.comments, target)) setFocusTarget(commentAnchor(target))
    },
    [api],
  )

  useEffect(() => {
    setHydrated(true)
    setTokens(loadEditTokens())
    setVotes(loadVotes())
    void load(DEFAULT_SORT, { quiet: true, revealHash: true })
  }, [load])

  // Hide "Bearbeiten"/"Löschen" the moment the edit window is over.
  useEffect(() => {
    const wait = nextExpiry(tokens)
    if (wait === null) return
    const timer = setTimeout(() => setTokens(loadEditTokens()), wait + 100)
    return () => clearTimeout(timer)
  }, [tokens])

  // Own comments still awaiting approval are not in the API's thread: show them to their author.
  const waiting = useMemo(() => posted.filter((c) => c.status === 'pending' && !findComment(data.comments, c.id)), [posted, data.comments])
  const comments = useMemo(() => waiting.reduce((tree, c) => insertComment(tree, c, sort), data.comments), [waiting, data.comments, sort])

  useEffect(() => {
    if (!focusTarget) return
    document.getElementById(focusTarget)?.focus()
    setFocusTarget(null)
  }, [focusTarget, comments])

  const changeComment = (id: string, change: (comment: PublicComment) => PublicComment) => {
    setData((d) => ({ ...d, comments: updateComment(d.comments, id, change) }))
    setPosted((list) => list.map((c) => (c.id === id ? { ...c, ...change(c), status: c.status } : c)))
  }
  const tokenOf = (id: string) => {
    const entry = tokens[id]
    return entry && isFresh(entry) ? entry.token : null
  }
  const expired = (id: string, status: number) => {
    if (status === 401 || status === 403) setTokens(removeEditToken(id))
  }

  async function submit(input: NewComment): Promise<FieldError[] | null> {
    const result = await api.post(input)
    if (!result.ok) {
      if (result.status === 409) {
        setOpen(false)
        setReplyTo(null)
        setFocusTarget(CLOSED_ID) // the form that had focus is gone
      }
      return failure(result)
    }
    const { comment: created, editToken } = result.data
    setTokens(saveEditToken(created.id, editToken))
    setSources((s) => ({ ...s, [created.id]: input.body }))
    setPosted((list) => [...list, created])
    if (created.status === 'approved') {
      setData((d) => ({ ...d, comments: insertComment(d.comments, created, sort) }))
      void load(sort, { quiet: true }) // for the stats
    }
    setReplyTo(null)
    setFocusTarget(commentAnchor(created.id))
    const thanks = created.status === 'approved' ? t.thanksPublished : t.thanksPending
    announce(input.notify === 'none' ? thanks : `${thanks} ${t.notify.confirm}`)
    return null
  }

  async function subscribe(input: NewSubscription): Promise<SubscribeOutcome> {
    const result = await api.subscribe(input)
    return result.ok ? { message: result.data.message } : { errors: failure(result) }
  }

  async function react(id: string, value: Vote): Promise<string | null> {
    const result = await api.react(id, value, readerToken())
    if (!result.ok) return failure(result)[0]?.message ?? null
    const { up, down, mine } = result.data
    changeComment(id, (c) => ({ ...c, reactions: { up, down } }))
    setVotes(saveVote(id, mine))
    return null
  }

  async function edit(id: string, body: string): Promise<FieldError[] | null> {
    const token = tokenOf(id)
    if (!token) return [{ message: t.editExpired }]
    const result = await api.edit(id, body, token)
    if (!result.ok) {
      expired(id, result.status)
      return failure(result)
    }
    const { html, editedAt } = result.data.comment
    changeComment(id, (c) => ({ ...c, html, editedAt }))
    setSources((s) => ({ ...s, [id]: body }))
    setFocusTarget(commentAnchor(id))
    announce(t.saved)
    return null
  }

  async function remove(id: string): Promise<string | null> {
    const token = tokenOf(id)
    if (!token) return t.editExpired
    const result = await api.remove(id, token)
    // 404: already gone, which is what the reader wanted.
    if (!result.ok && result.status !== 404) {
      expired(id, result.status)
      return failure(result)[0]?.message ?? null
    }
    const removed = findComment(comments, id)
    const wasPublic = !!findComment(data.comments, id)
    setTokens(removeEditToken(id))
    setPosted((list) => list.filter((c) => c.id !== id))
    setData((d) => ({ ...d, comments: deleteComment(d.comments, id) }))
    // Focus stays nearby: on the "deleted" placeholder of a thread, else on the parent or the list.
    const focus = removed?.replies.length ? id : removed?.parent
    setFocusTarget(focus ? commentAnchor(focus) : LIST_ID)
    announce(t.removed)
    if (wasPublic) void load(sort, { quiet: true })
    return null
  }

  function changeSort(order: CommentSort) {
    setSort(order)
    void load(order)
  }

  const context: CommentContextValue = {
    texts: t,
    lang,
    action: commentsUrl(apiBase, slug),
    hydrated,
    open,
    waiting: new Set(waiting.map((c) => c.id)),
    votes,
    isOwn: (id) => hydrated && tokenOf(id) !== null,
    sourceOf: (comment) => sources[comment.id] ?? htmlToText(comment.html),
    replyTo,
    setReplyTo,
    submit,
    react,
    edit,
    remove,
  }

  return (
    <CommentContext.Provider value={context}>
      <div className="comments">
        <div className="comments-header">
          <CommentStats stats={data.stats} texts={t} />
          <SubscribeForm action={subscriptionsUrl(apiBase)} slug={slug} texts={t} onSubmit={subscribe} />
        </div>
        {/* Target of the no-JS subscribe form's redirect, like #kommentar-wartet below. */}
        <p id={FORM_ANCHORS.subscriptionRequested} className="comment-notice" role="status">
          {t.subscribe.requested}
        </p>
        {hydrated && comments.length > 1 && <SortControl value={sort} onChange={changeSort} texts={t} />}
        {loadFailed && <p className="comments-note">{t.loadFailed}</p>}
        <div id={LIST_ID} className="comments-thread" tabIndex={-1} aria-busy={busy || undefined}>
          {comments.length > 0 ? <CommentList comments={comments} label={t.listLabel} /> : <p className="comments-note">{t.empty}</p>}
        </div>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <section className="comment-respond" aria-labelledby="kommentar-schreiben">
          <h3 id="kommentar-schreiben">{t.formHeading}</h3>
          {/* Targets of the no-JS form's redirect: visible only as the URL's #fragment (:target). */}
          <p id={FORM_ANCHORS.commentWaiting} className="comment-notice" role="status">
            {t.thanksPending}
          </p>
          <p id={FORM_ANCHORS.commentPublished} className="comment-notice" role="status">
            {t.thanksPublished}
          </p>
          {open ? (
            <CommentForm idPrefix="kommentar-form" action={commentsUrl(apiBase, slug)} parent={null} labelledBy="kommentar-schreiben" texts={t} onSubmit={submit} />
          ) : (
            <p id={CLOSED_ID} className="comments-note" tabIndex={-1}>
              {t.closed}
            </p>
          )}
        </section>
      </div>
    </CommentContext.Provider>
  )
}
