import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import {
  commentAnchor,
  DEFAULT_SORT,
  FORM_ANCHORS,
  type CommentSort,
  type CommentsData,
  type PublicComment,
  type Vote,
} from '../../../contract'
import type { Lang } from '../../lib/i18n'
import {
  commentsApi,
  commentsUrl,
  type ApiResult,
  type FieldError,
  type ListQuery,
  type NewComment,
  type NewSubscription,
} from './api'
import type { CommentContextValue } from './context'
import { isFresh, loadEditTokens, nextExpiry, removeEditToken, saveEditToken } from './editTokens'
import { htmlToText } from './htmlToText'
import { loadVotes, readerToken, saveVote } from './readerToken'
import {
  initialState,
  LIST_ID,
  reducer,
  shownComments,
  waitingComments,
  type LoadMode,
} from './state'
import type { SubscribeOutcome } from './SubscribeForm'
import { commentTexts } from './texts'
import { findComment } from './tree'

interface Options {
  slug: string
  apiBase: string
  lang: Lang
  initial: CommentsData
  formToken?: string | null
}

/**
 * The comment id in the URL's #fragment: the no-JS form redirects to the new comment's anchor,
 * notification emails link to it. Not the no-JS form's notices (#kommentar-wartet, …).
 */
function hashedComment(): string | null {
  const prefix = `#${commentAnchor('')}`
  const { hash } = window.location
  const id = hash.startsWith(prefix) ? hash.slice(prefix.length) : ''
  return id && !(Object.values(FORM_ANCHORS) as string[]).includes(hash.slice(1)) ? id : null
}

/**
 * The comment bodies the build left out of the island's props (site/lib/commentPages.ts), from
 * the server's HTML the island hydrates: the same HTML, so hydration matches.
 */
const withBodies = (comments: PublicComment[]): PublicComment[] =>
  comments.map((comment) => ({
    ...comment,
    html:
      comment.html ??
      document.getElementById(commentAnchor(comment.id))?.querySelector('.comment-body')
        ?.innerHTML ??
      '',
    replies: withBodies(comment.replies),
  }))

/**
 * The comment section's behaviour: the state (see ./state), the API calls with their storage and
 * focus effects, and the context every comment reads. The section itself only renders.
 */
export function useCommentSection({ slug, apiBase, lang, initial, formToken = null }: Options) {
  const t = commentTexts(lang)
  const api = useMemo(() => commentsApi(apiBase, slug, lang), [apiBase, slug, lang])
  const [state, dispatch] = useReducer(reducer, initial, (data) =>
    initialState({ ...data, comments: withBodies(data.comments) }),
  )
  const loads = useRef(0)
  // The build's page size: page n is the same here and on the static pages.
  const { limit } = initial.pagination

  const failure = (result: Extract<ApiResult<unknown>, { ok: false }>): FieldError[] =>
    result.status === 0
      ? [{ message: t.networkError }]
      : result.errors.length
        ? result.errors
        : [{ message: t.genericError }]

  /**
   * Loads one page (or, with `comment`, the page that holds that comment) and hands the answer to
   * the reducer. A link to a comment the API does not know (deleted, not approved) shows page 1.
   */
  const load = useCallback(
    async (
      query: ListQuery,
      {
        mode = 'replace',
        quiet = false,
        reveal = query.comment ?? null,
        focus,
      }: { mode?: LoadMode; quiet?: boolean; reveal?: string | null; focus?: string } = {},
    ) => {
      const load = ++loads.current
      dispatch({ type: 'loadStarted', load, quiet })
      let result = await api.list({ ...query, limit })
      if (query.comment && !result.ok && result.status >= 400 && result.status < 500)
        result = await api.list({ sort: query.sort, page: 1, limit })
      const pages = result.ok && mode === 'append' ? result.data.pagination : null
      dispatch({
        type: 'loaded',
        load,
        result,
        mode,
        reveal,
        focus,
        announce: pages ? t.pages.loaded(pages.page, pages.totalPages) : undefined,
      })
    },
    [api, t, limit],
  )

  /** Shows the comment of the URL's #fragment: loads the page that holds it, unless it is shown. */
  const unseen = (comment: string | null) =>
    comment && !findComment(state.data.comments, comment) ? comment : undefined

  useEffect(() => {
    dispatch({ type: 'hydrated', tokens: loadEditTokens(), votes: loadVotes() })
    // The live thread: the page shown, or the one with the comment an email (or a stats link) names.
    const reveal = hashedComment()
    const comment = unseen(reveal)
    void load(
      comment
        ? { sort: DEFAULT_SORT, comment }
        : { sort: DEFAULT_SORT, page: state.data.pagination.page },
      { quiet: true, reveal },
    )
    // Once, at hydration: load stays the same as long as the island's props do.
  }, [load])

  // A link to a comment on another page (the stats' links, a link pasted into the address bar).
  useEffect(() => {
    const onHash = () => {
      const comment = unseen(hashedComment())
      if (comment) void load({ sort: state.sort, comment })
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [load, state.sort, state.data.comments])

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
    if (comment.status === 'approved') refresh() // for the stats
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
    const { comment } = result.data
    dispatch({
      type: 'edited',
      id,
      comment,
      source: body,
      announce:
        comment.status === 'pending' && !waiting.some((c) => c.id === id)
          ? t.savedPending
          : t.saved,
    })
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
    if (wasPublic) refresh()
    return null
  }

  function refresh() {
    void load({ sort: state.sort, page: state.firstPage }, { mode: 'refresh', quiet: true })
  }

  /** Page 1 of the new order. */
  function changeSort(sort: CommentSort) {
    dispatch({ type: 'sortChanged', sort })
    void load({ sort, page: 1 })
  }

  function loadMore() {
    if (state.busy) return
    void load({ sort: state.sort, page: state.data.pagination.page + 1 }, { mode: 'append' })
  }

  /** Back from a page a link jumped to; the button is gone then, so focus goes to the list. */
  function loadFirst() {
    void load({ sort: state.sort, page: 1 }, { focus: LIST_ID })
  }

  const context: CommentContextValue = {
    texts: t,
    lang,
    action: commentsUrl(apiBase, slug),
    formToken,
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

  return { state, comments, context, subscribe, changeSort, loadMore, loadFirst }
}
