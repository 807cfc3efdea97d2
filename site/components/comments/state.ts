import {
  commentAnchor,
  DEFAULT_SORT,
  type CommentSort,
  type CommentsData,
  type OwnComment,
  type PublicComment,
  type ReactionResult,
} from '../../../contract'
import type { ApiResult } from './api'
import type { EditTokens } from './editTokens'
import type { Votes } from './readerToken'
import { deleteComment, findComment, insertComment, updateComment } from './tree'

/**
 * The comment section's state and every change to it, as one pure reducer: storage, clock, DOM
 * and API stay in useCommentSection, which hands their results in with the actions.
 */

/** Elements that get focus when the comment that had it is gone. */
export const LIST_ID = 'kommentare-liste'
export const CLOSED_ID = 'kommentare-geschlossen'

export interface SectionState {
  /**
   * The API's answer, with the threads of every page shown (pages firstPage to
   * data.pagination.page, in order); commentsOpen turns false on a 409 to a post, too.
   */
  data: CommentsData
  /** the first page shown: 1, unless a link to a comment jumped to a later page */
  firstPage: number
  sort: CommentSort
  /** false in the server's HTML and the first client render: buttons that need JS stay inert */
  hydrated: boolean
  /** number of the latest load: answers to older ones (another sort) are dropped */
  load: number
  busy: boolean
  loadFailed: boolean
  /** the reader's own comments of this visit, with their status */
  posted: OwnComment[]
  /** the text the reader wrote, per own comment: what the edit form starts with */
  sources: Record<string, string>
  tokens: EditTokens
  votes: Votes
  replyTo: string | null
  /** the live region's text */
  announcement: string
  /** id of the element to focus once rendered */
  focusTarget: string | null
}

export type SectionAction =
  | { type: 'hydrated'; tokens: EditTokens; votes: Votes }
  | { type: 'loadStarted'; load: number; quiet: boolean }
  | {
      type: 'loaded'
      load: number
      result: ApiResult<CommentsData>
      mode: LoadMode
      /** the comment id from the URL's #fragment, to focus if the answer has it */
      reveal?: string | null
      /** else the element to focus (the control that started the load is gone) */
      focus?: string
      /** for the live region */
      announce?: string
    }
  | { type: 'sortChanged'; sort: CommentSort }
  | { type: 'replyTo'; id: string | null }
  | { type: 'tokensChanged'; tokens: EditTokens }
  | { type: 'focused' }
  /** the API answered 409 to a post */
  | { type: 'closed' }
  | { type: 'posted'; comment: OwnComment; source: string; tokens: EditTokens; announce: string }
  | { type: 'reacted'; id: string; result: ReactionResult; votes: Votes }
  | { type: 'edited'; id: string; comment: OwnComment; source: string; announce: string }
  | { type: 'removed'; id: string; tokens: EditTokens; announce: string }

/**
 * What a load's answer does: `replace` (hydration, another sort, a link to a comment, back to the
 * first page) shows just its page; `append` (the next page) adds its threads below and focuses the
 * first new one; `refresh` (after a post or delete, for the stats) changes the shown threads in
 * place and adds none.
 */
export type LoadMode = 'replace' | 'append' | 'refresh'

export const initialState = (data: CommentsData): SectionState => ({
  data,
  firstPage: data.pagination.page,
  sort: DEFAULT_SORT,
  hydrated: false,
  load: 0,
  busy: false,
  loadFailed: false,
  posted: [],
  sources: {},
  tokens: {},
  votes: {},
  replyTo: null,
  announcement: '',
  focusTarget: null,
})

/** The tree without this comment and its replies. */
const withoutThread = (tree: readonly PublicComment[], id: string): PublicComment[] =>
  tree.flatMap((c) =>
    c.id === id ? [] : [c.replies.length ? { ...c, replies: withoutThread(c.replies, id) } : c],
  )

/** Own comments still awaiting approval: not in the API's thread, so shown to their author only. */
export const waitingComments = (
  posted: readonly OwnComment[],
  thread: readonly PublicComment[],
): OwnComment[] => posted.filter((c) => c.status === 'pending' && !findComment(thread, c.id))

/** The thread as the reader sees it: the API's, with their own waiting comments in place. */
export const shownComments = (
  thread: PublicComment[],
  waiting: readonly OwnComment[],
  sort: CommentSort,
): PublicComment[] => waiting.reduce((tree, c) => insertComment(tree, c, sort), thread)

// The live region reads only changes: the same text again gets a no-break space.
const announce = (previous: string, text: string) => (previous === text ? `${text}\u00a0` : text)

/** The shown threads, each replaced by its copy in `fresh` if that has it (a newer state). */
const renew = (shown: PublicComment[], fresh: PublicComment[]): PublicComment[] => {
  const byId = new Map(fresh.map((thread) => [thread.id, thread]))
  return shown.map((thread) => byId.get(thread.id) ?? thread)
}

/** A change to one comment, in the API's thread and in the reader's own copy alike. */
function changeComment(
  state: SectionState,
  id: string,
  change: (comment: PublicComment) => PublicComment,
): SectionState {
  return {
    ...state,
    data: { ...state.data, comments: updateComment(state.data.comments, id, change) },
    posted: state.posted.map((c) => (c.id === id ? { ...c, ...change(c) } : c)),
  }
}

export function reducer(state: SectionState, action: SectionAction): SectionState {
  switch (action.type) {
    case 'hydrated':
      return { ...state, hydrated: true, tokens: action.tokens, votes: action.votes }
    case 'loadStarted':
      return { ...state, load: action.load, busy: state.busy || !action.quiet }
    case 'loaded': {
      if (action.load !== state.load) return state
      const { result, reveal, focus } = action
      const loaded = { ...state, busy: false, loadFailed: !result.ok && result.status !== 404 }
      if (!result.ok) return loaded
      const answer = result.data
      const shown = state.data.comments
      const announcement = action.announce
        ? announce(state.announcement, action.announce)
        : state.announcement
      if (action.mode === 'append') {
        // A thread already shown (it moved to a later page since) comes only once, renewed in place.
        const ids = new Set(shown.map((thread) => thread.id))
        const added = answer.comments.filter((thread) => !ids.has(thread.id))
        return {
          ...loaded,
          data: { ...answer, comments: [...renew(shown, answer.comments), ...added] },
          focusTarget: added[0] ? commentAnchor(added[0].id) : LIST_ID,
          announcement,
        }
      }
      if (action.mode === 'refresh')
        return {
          ...loaded,
          data: {
            ...answer,
            comments: renew(shown, answer.comments),
            pagination: { ...answer.pagination, page: state.data.pagination.page },
          },
          announcement,
        }
      const focusTarget =
        reveal && findComment(answer.comments, reveal)
          ? commentAnchor(reveal)
          : (focus ?? state.focusTarget)
      return {
        ...loaded,
        data: answer,
        firstPage: answer.pagination.page,
        focusTarget,
        announcement,
      }
    }
    case 'sortChanged':
      return { ...state, sort: action.sort }
    case 'replyTo':
      return { ...state, replyTo: action.id }
    case 'tokensChanged':
      return { ...state, tokens: action.tokens }
    case 'focused':
      return { ...state, focusTarget: null }
    case 'closed':
      // The form that had focus is gone.
      return {
        ...state,
        data: { ...state.data, commentsOpen: false },
        replyTo: null,
        focusTarget: CLOSED_ID,
      }
    case 'posted': {
      const { comment } = action
      const approved = comment.status === 'approved'
      return {
        ...state,
        data: approved
          ? { ...state.data, comments: insertComment(state.data.comments, comment, state.sort) }
          : state.data,
        posted: [...state.posted, comment],
        sources: { ...state.sources, [comment.id]: action.source },
        tokens: action.tokens,
        replyTo: null,
        focusTarget: commentAnchor(comment.id),
        announcement: announce(state.announcement, action.announce),
      }
    }
    case 'reacted': {
      const { up, down } = action.result
      return {
        ...changeComment(state, action.id, (c) => ({ ...c, reactions: { up, down } })),
        votes: action.votes,
      }
    }
    case 'edited': {
      const { id, comment } = action
      const changed = changeComment(state, id, (c) => ({
        ...c,
        html: comment.html,
        editedAt: comment.editedAt,
      }))
      // Under moderation an edited comment waits for approval again: the API's thread no longer
      // has it (nor its replies), its author keeps seeing it among their waiting comments.
      const held = comment.status === 'pending'
      const others = changed.posted.filter((c) => c.id !== id)
      const own = changed.posted.find((c) => c.id === id) ?? comment
      return {
        ...changed,
        data: held
          ? { ...changed.data, comments: withoutThread(changed.data.comments, id) }
          : changed.data,
        posted: held ? [...others, { ...own, status: 'pending', replies: [] }] : changed.posted,
        sources: { ...state.sources, [id]: action.source },
        focusTarget: commentAnchor(id),
        announcement: announce(state.announcement, action.announce),
      }
    }
    case 'removed': {
      const { id } = action
      const shown = shownComments(
        state.data.comments,
        waitingComments(state.posted, state.data.comments),
        state.sort,
      )
      const removed = findComment(shown, id)
      // Focus stays nearby: on the "deleted" placeholder of a thread, else on the parent or the list.
      const focus = removed?.replies.length ? id : removed?.parent
      return {
        ...state,
        data: { ...state.data, comments: deleteComment(state.data.comments, id) },
        posted: state.posted.filter((c) => c.id !== id),
        tokens: action.tokens,
        focusTarget: focus ? commentAnchor(focus) : LIST_ID,
        announcement: announce(state.announcement, action.announce),
      }
    }
  }
}
