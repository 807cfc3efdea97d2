import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import {
  commentAnchor,
  DEFAULT_SORT,
  type CommentSort,
  type CommentsData,
  type Vote,
} from '../../../contract'
import type { Lang } from '../../lib/i18n'
import {
  commentsApi,
  commentsUrl,
  type ApiResult,
  type FieldError,
  type NewComment,
  type NewSubscription,
} from './api'
import type { CommentContextValue } from './context'
import { isFresh, loadEditTokens, nextExpiry, removeEditToken, saveEditToken } from './editTokens'
import { htmlToText } from './htmlToText'
import { loadVotes, readerToken, saveVote } from './readerToken'
import { initialState, reducer, shownComments, waitingComments } from './state'
import type { SubscribeOutcome } from './SubscribeForm'
import { commentTexts } from './texts'
import { findComment } from './tree'

interface Options {
  slug: string
  apiBase: string
  lang: Lang
  initial: CommentsData
}

/** The comment id in the URL's #fragment: the no-JS form redirects to the new comment's anchor. */
function hashedComment(): string | null {
  const prefix = `#${commentAnchor('')}`
  const { hash } = window.location
  return hash.startsWith(prefix) && hash.length > prefix.length ? hash.slice(prefix.length) : null
}

/**
 * The comment section's behaviour: the state (see ./state), the API calls with their storage and
 * focus effects, and the context every comment reads. The section itself only renders.
 */
export function useCommentSection({ slug, apiBase, lang, initial }: Options) {
  const t = commentTexts(lang)
  const api = useMemo(() => commentsApi(apiBase, slug, lang), [apiBase, slug, lang])
  const [state, dispatch] = useReducer(reducer, initial, initialState)
  const loads = useRef(0)

  const failure = (result: Extract<ApiResult<unknown>, { ok: false }>): FieldError[] =>
    result.status === 0
      ? [{ message: t.networkError }]
      : result.errors.length
        ? result.errors
        : [{ message: t.genericError }]

  const load = useCallback(
    async (sort: CommentSort, { quiet = false, revealHash = false } = {}) => {
      const load = ++loads.current
      dispatch({ type: 'loadStarted', load, quiet })
      const result = await api.list(sort)
      dispatch({ type: 'loaded', load, result, reveal: revealHash ? hashedComment() : null })
    },
    [api],
  )

  useEffect(() => {
    dispatch({ type: 'hydrated', tokens: loadEditTokens(), votes: loadVotes() })
    void load(DEFAULT_SORT, { quiet: true, revealHash: true })
  }, [load])

  // Hide "Bearbeiten"/"Löschen" the moment the edit window is over.
  useEffect(() => {
    const wait = nextExpiry(state.tokens)
    if (wait === null) return
    const timer = setTimeout(
      () => dispatch({ type: 'tokensChanged', tokens: loadEditTokens() }),
      wait + 100,
    )
    return () => clearTimeout(timer)
  }, [state.tokens])

  const waiting = useMemo(
    () => waitingComments(state.posted, state.data.comments),
    [state.posted, state.data.comments],
  )
  const comments = useMemo(
    () => shownComments(state.data.comments, waiting, state.sort),
    [state.data.comments, waiting, state.sort],
  )

  useEffect(() => {
    if (!state.focusTarget) return
    document.getElementById(state.focusTarget)?.focus()
    dispatch({ type: 'focused' })
  }, [state.focusTarget, comments])

  const tokenOf = (id: string) => {
    const entry = state.tokens[id]
    return entry && isFresh(entry) ? entry.token : null
  }
  const expired = (id: string, status: number) => {
    if (status === 401 || status === 403)
      dispatch({ type: 'tokensChanged', tokens: removeEditToken(id) })
  }

  async function submit(input: NewComment): Promise<FieldError[] | null> {
    const result = await api.post(input)
    if (!result.ok) {
      if (result.status === 409) dispatch({ type: 'closed' })
      return failure(result)
    }
    const { comment, editToken } = result.data
    const thanks = comment.status === 'approved' ? t.thanksPublished : t.thanksPending
    const announce = input.notify === 'none' ? thanks : `${thanks} ${t.notify.confirm}`
    dispatch({
      type: 'posted',
      comment,
      source: input.body,
      tokens: saveEditToken(comment.id, editToken),
      announce,
    })
    if (comment.status === 'approved') void load(state.sort, { quiet: true }) // for the stats
    return null
  }

  async function subscribe(input: NewSubscription): Promise<SubscribeOutcome> {
    const result = await api.subscribe(input)
    return result.ok ? { message: result.data.message } : { errors: failure(result) }
  }

  async function react(id: string, value: Vote): Promise<string | null> {
    const result = await api.react(id, value, readerToken())
    if (!result.ok) return failure(result)[0]?.message ?? null
    dispatch({ type: 'reacted', id, result: result.data, votes: saveVote(id, result.data.mine) })
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
    dispatch({ type: 'edited', id, comment: result.data.comment, source: body, announce: t.saved })
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
    const wasPublic = !!findComment(state.data.comments, id)
    dispatch({ type: 'removed', id, tokens: removeEditToken(id), announce: t.removed })
    if (wasPublic) void load(state.sort, { quiet: true })
    return null
  }

  function changeSort(sort: CommentSort) {
    dispatch({ type: 'sortChanged', sort })
    void load(sort)
  }

  const context: CommentContextValue = {
    texts: t,
    lang,
    action: commentsUrl(apiBase, slug),
    hydrated: state.hydrated,
    open: state.data.commentsOpen,
    waiting: new Set(waiting.map((c) => c.id)),
    votes: state.votes,
    isOwn: (id) => state.hydrated && tokenOf(id) !== null,
    sourceOf: (comment) => state.sources[comment.id] ?? htmlToText(comment.html),
    replyTo: state.replyTo,
    setReplyTo: (id) => dispatch({ type: 'replyTo', id }),
    submit,
    react,
    edit,
    remove,
  }

  return { state, comments, context, subscribe, changeSort }
}
