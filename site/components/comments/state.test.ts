import { describe, expect, it } from 'vitest'
import type { CommentsData, CommentSort, OwnComment } from '../../../contract'
import type { ApiResult } from './api'
import {
  CLOSED_ID,
  initialState,
  LIST_ID,
  reducer,
  shownComments,
  waitingComments,
  type SectionAction,
  type SectionState,
} from './state'
import { comment, manyThreads, pageOf, seedData } from './test/fakeApi'
import { findComment } from './tree'

const own = (
  id: string,
  status: OwnComment['status'],
  extra: Partial<OwnComment> = {},
): OwnComment => ({
  ...comment(id, 'Maria Schulz'),
  status,
  body: `Text ${id}`,
  ...extra,
})
const ok = (data: CommentsData): ApiResult<CommentsData> => ({ ok: true, status: 200, data })
const failed = (status: number): ApiResult<CommentsData> => ({ ok: false, status, errors: [] })
const run = (state: SectionState, ...actions: SectionAction[]) => actions.reduce(reducer, state)
const ids = (state: SectionState) =>
  shownComments(
    state.data.comments,
    waitingComments(state.posted, state.data.comments),
    state.sort,
  ).map((c) => c.id)
const token = { token: 't', createdAt: 0 }

/** Freezes the whole state, so any change in place throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

describe('comment section state', () => {
  it('starts from the build-time thread, in the default order, not yet hydrated', () => {
    const state = initialState(seedData())
    expect(state).toMatchObject({
      sort: 'oldest',
      hydrated: false,
      busy: false,
      posted: [],
      replyTo: null,
      focusTarget: null,
    })
    expect(state.data.commentsOpen).toBe(true)
  })

  it('shows only the answer to the latest load', () => {
    const newer = { ...seedData(), comments: [comment('20', 'Neu')] }
    let state = run(
      initialState(seedData()),
      { type: 'loadStarted', load: 1, quiet: true },
      { type: 'loadStarted', load: 2, quiet: false },
    )
    expect(state.busy).toBe(true)
    state = reducer(state, {
      type: 'loaded',
      mode: 'replace',
      load: 1,
      result: ok({ ...seedData(), comments: [] }),
      reveal: null,
    })
    expect(state.data.comments).toHaveLength(2)
    expect(state.busy).toBe(true)
    state = reducer(state, {
      type: 'loaded',
      mode: 'replace',
      load: 2,
      result: ok(newer),
      reveal: null,
    })
    expect(state.data).toBe(newer)
    expect(state.busy).toBe(false)
  })

  it('takes commentsOpen from the live thread', () => {
    const state = run(
      initialState(seedData()),
      { type: 'loadStarted', load: 1, quiet: true },
      {
        type: 'loaded',
        mode: 'replace',
        load: 1,
        result: ok({ ...seedData(), commentsOpen: false }),
        reveal: null,
      },
    )
    expect(state.data.commentsOpen).toBe(false)
  })

  it('keeps the thread when a load fails and says so, except for 404', () => {
    const start = run(initialState(seedData()), { type: 'loadStarted', load: 1, quiet: false })
    expect(
      reducer(start, {
        type: 'loaded',
        mode: 'replace',
        load: 1,
        result: failed(500),
        reveal: null,
      }),
    ).toMatchObject({ loadFailed: true, busy: false, data: start.data })
    expect(
      reducer(start, { type: 'loaded', mode: 'replace', load: 1, result: failed(0), reveal: null })
        .loadFailed,
    ).toBe(true)
    expect(
      reducer(start, {
        type: 'loaded',
        mode: 'replace',
        load: 1,
        result: failed(404),
        reveal: null,
      }).loadFailed,
    ).toBe(false)
  })

  it('focuses the comment of the URL fragment only if the live thread has it', () => {
    const start = run(initialState(seedData()), { type: 'loadStarted', load: 1, quiet: true })
    expect(
      reducer(start, {
        type: 'loaded',
        mode: 'replace',
        load: 1,
        result: ok(seedData()),
        reveal: '13',
      }).focusTarget,
    ).toBe('kommentar-13')
    expect(
      reducer(start, {
        type: 'loaded',
        mode: 'replace',
        load: 1,
        result: ok(seedData()),
        reveal: '99',
      }).focusTarget,
    ).toBeNull()
  })

  it('closes the form on a 409 and moves focus to the notice', () => {
    const state = run(initialState(seedData()), { type: 'replyTo', id: '12' }, { type: 'closed' })
    expect(state).toMatchObject({ replyTo: null, focusTarget: CLOSED_ID })
    expect(state.data.commentsOpen).toBe(false)
  })

  it('shows a pending own comment to its author only, in place', () => {
    const reply = own('100', 'pending', { parent: '14', depth: 2 })
    const state = run(
      initialState(seedData()),
      { type: 'replyTo', id: '14' },
      {
        type: 'posted',
        comment: reply,
        source: 'Mein Text',
        tokens: { '100': token },
        announce: 'Danke!',
      },
    )
    expect(findComment(state.data.comments, '100')).toBeUndefined()
    expect(waitingComments(state.posted, state.data.comments).map((c) => c.id)).toEqual(['100'])
    expect(ids(state)).toEqual(['12', '14'])
    expect(
      findComment(shownComments(state.data.comments, state.posted, state.sort), '14')?.replies.map(
        (c) => c.id,
      ),
    ).toEqual(['100'])
    expect(state).toMatchObject({
      replyTo: null,
      focusTarget: 'kommentar-100',
      announcement: 'Danke!',
      sources: { '100': 'Mein Text' },
      tokens: { '100': token },
    })
  })

  it('puts an approved own comment into the thread by the current order', () => {
    const posted = {
      type: 'posted',
      comment: own('100', 'approved'),
      source: 'x',
      tokens: {},
      announce: 'Danke!',
    } as const
    expect(ids(run(initialState(seedData()), posted))).toEqual(['12', '14', '100'])
    const newest = run(initialState(seedData()), { type: 'sortChanged', sort: 'newest' }, posted)
    expect(newest.data.comments.map((c) => c.id)).toEqual(['100', '12', '14'])
    expect(waitingComments(newest.posted, newest.data.comments)).toEqual([])
  })

  it('announces the same text twice as a change', () => {
    const saved = {
      type: 'edited',
      id: '12',
      comment: own('12', 'approved'),
      source: 'x',
      announce: 'Gespeichert.',
    } as const
    const once = reducer(initialState(seedData()), saved)
    const twice = reducer(once, saved)
    expect(once.announcement).toBe('Gespeichert.')
    expect(twice.announcement).toBe('Gespeichert.\u00a0')
    expect(reducer(twice, saved).announcement).toBe('Gespeichert.')
  })

  it('updates reactions in the thread and in the own copy, with the reader’s vote', () => {
    const state = run(
      initialState(seedData()),
      { type: 'posted', comment: own('100', 'approved'), source: 'x', tokens: {}, announce: '' },
      {
        type: 'reacted',
        id: '100',
        result: { up: 1, down: 0, mine: 'up' },
        votes: { '100': 'up' },
      },
    )
    expect(findComment(state.data.comments, '100')?.reactions).toEqual({ up: 1, down: 0 })
    expect(state.posted[0]).toMatchObject({ status: 'approved', reactions: { up: 1, down: 0 } })
    expect(state.votes).toEqual({ '100': 'up' })
  })

  it('applies an edit, keeps the text for the next edit and focuses the comment', () => {
    const edited = own('13', 'approved', {
      parent: '12',
      depth: 2,
      html: '<p>Neu</p>',
      editedAt: '2026-11-27T12:00:00.000Z',
    })
    const state = reducer(initialState(seedData()), {
      type: 'edited',
      id: '13',
      comment: edited,
      source: 'Neu',
      announce: 'Gespeichert.',
    })
    expect(findComment(state.data.comments, '13')).toMatchObject({
      html: '<p>Neu</p>',
      editedAt: '2026-11-27T12:00:00.000Z',
      author: { name: 'Anna Berger' },
    })
    expect(state).toMatchObject({ sources: { '13': 'Neu' }, focusTarget: 'kommentar-13' })
  })

  it('takes an edit held for approval again out of the thread and shows it to its author as waiting', () => {
    const held = own('13', 'pending', { parent: '12', depth: 2, html: '<p>Neu</p>' })
    const state = reducer(initialState(seedData()), {
      type: 'edited',
      id: '13',
      comment: held,
      source: 'Neu',
      announce: 'Wartet wieder.',
    })
    expect(findComment(state.data.comments, '13')).toBeUndefined()
    expect(waitingComments(state.posted, state.data.comments)).toMatchObject([
      { id: '13', status: 'pending', html: '<p>Neu</p>', parent: '12' },
    ])
    expect(state).toMatchObject({ focusTarget: 'kommentar-13', announcement: 'Wartet wieder.' })
  })

  it('removes a comment and keeps focus nearby', () => {
    const start = initialState(seedData())
    const remove = (id: string) =>
      reducer(start, { type: 'removed', id, tokens: {}, announce: 'Gelöscht.' })
    // With replies: stays as "deleted", focus on it.
    expect(remove('12')).toMatchObject({ focusTarget: 'kommentar-12', announcement: 'Gelöscht.' })
    expect(findComment(remove('12').data.comments, '12')).toMatchObject({
      deleted: true,
      author: null,
    })
    // A reply: gone, focus on its parent; a thread: gone, focus on the list.
    expect(remove('13').focusTarget).toBe('kommentar-12')
    expect(remove('14').focusTarget).toBe(LIST_ID)
    expect(ids(remove('14'))).toEqual(['12'])
  })

  it('removes a waiting own comment and its token', () => {
    const state = run(
      initialState(seedData()),
      {
        type: 'posted',
        comment: own('100', 'pending'),
        source: 'x',
        tokens: { '100': token },
        announce: '',
      },
      { type: 'removed', id: '100', tokens: {}, announce: '' },
    )
    expect(state.posted).toEqual([])
    expect(state.tokens).toEqual({})
    expect(ids(state)).toEqual(['12', '14'])
  })

  it('never changes the state it gets', () => {
    const start = run(
      initialState(seedData()),
      { type: 'hydrated', tokens: { '100': token }, votes: {} },
      {
        type: 'posted',
        comment: own('100', 'approved', { parent: '12', depth: 2 }),
        source: 'x',
        tokens: {},
        announce: '',
      },
    )
    const frozen = deepFreeze(structuredClone(start))
    const actions: SectionAction[] = [
      { type: 'loadStarted', load: 1, quiet: false },
      { type: 'loaded', mode: 'replace', load: 0, result: ok(seedData()), reveal: '12' },
      { type: 'loaded', mode: 'append', load: 0, result: ok(seedData()), announce: 'x' },
      { type: 'loaded', mode: 'refresh', load: 0, result: ok(seedData()) },
      { type: 'closed' },
      { type: 'reacted', id: '100', result: { up: 1, down: 0, mine: 'up' }, votes: {} },
      { type: 'edited', id: '100', comment: own('100', 'approved'), source: 'y', announce: '' },
      { type: 'removed', id: '12', tokens: {}, announce: '' },
      { type: 'removed', id: '100', tokens: {}, announce: '' },
    ]
    for (const action of actions) expect(() => reducer(frozen, action)).not.toThrow()
    expect(frozen).toEqual(start)
  })
})

describe('comment pages', () => {
  // Five threads "t1" … "t5", two per page: pages [t1, t2], [t3, t4], [t5].
  const all = (): CommentsData => ({
    ...seedData(),
    stats: { ...seedData().stats, threads: 5 },
    comments: manyThreads(5),
  })
  const page = (n: number, sort: CommentSort = 'oldest') =>
    pageOf(all(), { page: n, limit: 2, sort })
  const threadIds = (state: SectionState) => state.data.comments.map((c) => c.id)
  const loaded = (
    load: number,
    data: CommentsData,
    mode: 'replace' | 'append' | 'refresh',
    extra: Partial<Extract<SectionAction, { type: 'loaded' }>> = {},
  ): SectionAction[] => [
    { type: 'loadStarted', load, quiet: mode === 'refresh' },
    { type: 'loaded', load, result: ok(data), mode, ...extra },
  ]

  it('starts at the page the build rendered', () => {
    expect(initialState(page(1))).toMatchObject({ firstPage: 1, data: { pagination: { page: 1 } } })
    expect(initialState(page(2)).firstPage).toBe(2)
  })

  it('appends the next page below, focuses its first thread and announces it', () => {
    const state = run(
      initialState(page(1)),
      ...loaded(1, page(2), 'append', { announce: 'Seite 2 von 3 geladen.' }),
    )
    expect(threadIds(state)).toEqual(['t1', 't2', 't3', 't4'])
    expect(state).toMatchObject({
      firstPage: 1,
      busy: false,
      focusTarget: 'kommentar-t3',
      announcement: 'Seite 2 von 3 geladen.',
      data: { pagination: { page: 2, totalPages: 3 }, stats: { threads: 5 } },
    })
    const last = run(state, ...loaded(2, page(3), 'append'))
    expect(threadIds(last)).toEqual(['t1', 't2', 't3', 't4', 't5'])
    expect(last.data.pagination.page).toBe(3)
  })

  it('shows a thread that moved to the next page only once, renewed in place', () => {
    // Since page 1 was loaded, a new thread "t0" came first (newest first): t2 moved to page 2.
    const moved = {
      ...page(2),
      comments: [{ ...comment('t2', 'Autor 2'), html: '<p>mit Antwort</p>' }, comment('t3', 'C')],
      stats: { ...seedData().stats, threads: 6 },
    }
    const state = run(initialState(page(1)), ...loaded(1, moved, 'append'))
    expect(threadIds(state)).toEqual(['t1', 't2', 't3'])
    expect(findComment(state.data.comments, 't2')?.html).toBe('<p>mit Antwort</p>')
    expect(state.focusTarget).toBe('kommentar-t3')
    expect(state.data.stats.threads).toBe(6)
    // Nothing new at all: focus goes to the list (the button may be gone).
    const nothing = run(initialState(page(1)), ...loaded(1, { ...page(2), comments: [] }, 'append'))
    expect(threadIds(nothing)).toEqual(['t1', 't2'])
    expect(nothing.focusTarget).toBe(LIST_ID)
  })

  it('starts over at page 1 of a new order', () => {
    const more = run(initialState(page(1)), ...loaded(1, page(2), 'append'))
    const newest = run(
      more,
      { type: 'sortChanged', sort: 'newest' },
      ...loaded(2, page(1, 'newest'), 'replace'),
    )
    expect(threadIds(newest)).toEqual(['t5', 't4'])
    expect(newest).toMatchObject({
      sort: 'newest',
      firstPage: 1,
      data: { pagination: { page: 1 } },
    })
  })

  it('drops the next page when the order changed meanwhile', () => {
    const state = run(
      initialState(page(1)),
      { type: 'loadStarted', load: 1, quiet: false },
      { type: 'sortChanged', sort: 'newest' },
      { type: 'loadStarted', load: 2, quiet: false },
      { type: 'loaded', load: 1, result: ok(page(2)), mode: 'append' },
    )
    expect(threadIds(state)).toEqual(['t1', 't2'])
    expect(state.busy).toBe(true)
  })

  it('jumps to the page of a linked comment, and back to the first page', () => {
    const jumped = run(initialState(page(1)), ...loaded(1, page(3), 'replace', { reveal: 't5' }))
    expect(threadIds(jumped)).toEqual(['t5'])
    expect(jumped).toMatchObject({ firstPage: 3, focusTarget: 'kommentar-t5' })
    const back = run(
      { ...jumped, focusTarget: null },
      ...loaded(2, page(1), 'replace', { focus: LIST_ID }),
    )
    expect(threadIds(back)).toEqual(['t1', 't2'])
    expect(back).toMatchObject({ firstPage: 1, focusTarget: LIST_ID })
  })

  it('refreshes the shown threads and the stats in place, keeping every page shown', () => {
    const more = run(initialState(page(1)), ...loaded(1, page(2), 'append'))
    const fresh = {
      ...page(1),
      comments: [
        { ...comment('t1', 'Autor 1'), reactions: { up: 9, down: 0 } },
        comment('t9', 'X'),
      ],
      stats: { ...seedData().stats, threads: 7 },
      pagination: { page: 1, limit: 2, totalThreads: 7, totalPages: 4 },
    }
    const state = run({ ...more, focusTarget: null }, ...loaded(2, fresh, 'refresh'))
    expect(threadIds(state)).toEqual(['t1', 't2', 't3', 't4'])
    expect(findComment(state.data.comments, 't1')?.reactions.up).toBe(9)
    expect(state.data.stats.threads).toBe(7)
    expect(state.data.pagination).toEqual({ page: 2, limit: 2, totalThreads: 7, totalPages: 4 })
    expect(state.focusTarget).toBeNull()
  })
})
