import { describe, expect, it } from 'vitest'
import type { PublicComment } from '../../contract'
import { buildThread, type ThreadInput } from './thread'

type Options = { parent?: number; deleted?: boolean; up?: number; down?: number; author?: string }

/** One approved comment, written `minute` minutes after 10:00 on the article's day. */
const comment = (
  id: number,
  minute: number,
  { parent, deleted = false, up = 0, down = 0, author }: Options = {},
): ThreadInput => ({
  comment: {
    id: String(id),
    parent: parent === undefined ? null : String(parent),
    depth: 1,
    author: deleted ? null : { name: `Leser ${id}`, url: null },
    html: deleted ? '' : `<p>Kommentar ${id}</p>`,
    createdAt: new Date(Date.UTC(2026, 10, 27, 10, minute)).toISOString(),
    editedAt: null,
    deleted,
    reactions: { up, down },
    replies: [],
  },
  authorKey: author ?? `leser${id}@example.de`,
})

/** The tree as indented ids: what a reader sees top to bottom. */
const outline = (list: PublicComment[], indent = ''): string[] =>
  list.flatMap((c) => [indent + c.id, ...outline(c.replies, indent + '  ')])

describe('buildThread: the tree', () => {
  it('puts replies under their parents, oldest first, at any depth and whatever order the input comes in', () => {
    const input = [
      comment(5, 40, { parent: 3 }),
      comment(2, 10),
      comment(4, 30, { parent: 1 }),
      comment(3, 20, { parent: 1 }),
      comment(1, 0),
      comment(6, 50, { parent: 3 }),
    ]
    expect(outline(buildThread(input, 'oldest').comments)).toEqual([
      '1',
      '  3',
      '    5',
      '    6',
      '  4',
      '2',
    ])
  })

  it('orders the roots newest or oldest first, while replies still read oldest first', () => {
    const input = () => [
      comment(1, 0),
      comment(2, 10),
      comment(3, 20),
      comment(11, 1, { parent: 1 }),
      comment(12, 2, { parent: 1 }),
    ]
    expect(outline(buildThread(input(), 'newest').comments)).toEqual([
      '3',
      '2',
      '1',
      '  11',
      '  12',
    ])
    expect(outline(buildThread(input(), 'oldest').comments)).toEqual([
      '1',
      '  11',
      '  12',
      '2',
      '3',
    ])
  })

  it('orders comments written in the same second by id, as numbers', () => {
    const input = () => [comment(10, 5), comment(9, 5), comment(100, 5)]
    expect(outline(buildThread(input(), 'oldest').comments)).toEqual(['9', '10', '100'])
    expect(outline(buildThread(input(), 'newest').comments)).toEqual(['100', '10', '9'])
  })

  it('orders roots by score (up minus down) for "top", older first on a tie, and keeps replies oldest first', () => {
    const input = [
      comment(1, 0, { up: 1 }),
      comment(2, 10, { up: 5, down: 4 }),
      comment(3, 20, { up: 3 }),
      comment(4, 30, { down: 3 }),
      comment(5, 40),
      comment(31, 21, { parent: 3 }),
      comment(32, 22, { parent: 3, up: 9 }),
    ]
    expect(outline(buildThread(input, 'top').comments)).toEqual([
      '3',
      '  31',
      '  32',
      '1',
      '2',
      '5',
      '4',
    ])
  })

  it('leaves out replies whose parent is not visible, together with their own replies', () => {
    // 7 answers comment 99, which is pending or rejected and therefore not in the input.
    const { comments, stats } = buildThread(
      [comment(1, 0), comment(7, 10, { parent: 99 }), comment(8, 20, { parent: 7 })],
      'oldest',
    )
    expect(outline(comments)).toEqual(['1'])
    expect(stats).toMatchObject({ threads: 1, replies: 0 })
  })

  it('keeps a deleted comment in place while it holds visible replies, so the answers keep their context', () => {
    const { comments } = buildThread(
      [comment(1, 0, { deleted: true }), comment(2, 10, { parent: 1 }), comment(3, 20)],
      'oldest',
    )
    expect(outline(comments)).toEqual(['1', '  2', '3'])
    expect(comments[0]).toMatchObject({ deleted: true, author: null, html: '' })
  })

  it('drops deleted comments without visible replies, also when their replies are deleted too', () => {
    const input = [
      comment(1, 0, { deleted: true }),
      comment(2, 10, { deleted: true }),
      comment(3, 20, { parent: 2, deleted: true }),
      comment(4, 30, { parent: 3, deleted: true }),
      comment(5, 40),
      comment(6, 50, { parent: 5, deleted: true }),
      comment(7, 60, { deleted: true }),
      comment(8, 70, { parent: 7, deleted: true }),
      comment(9, 80, { parent: 8 }),
    ]
    const { comments, stats } = buildThread(input, 'oldest')
    expect(outline(comments)).toEqual(['5', '7', '  8', '    9'])
    expect(stats).toMatchObject({ threads: 2, replies: 2 })
  })
})

describe('buildThread: stats', () => {
  it('counts threads, replies at every depth, and distinct authors of visible comments', () => {
    const input = [
      comment(1, 0, { author: 'anna@example.de' }),
      comment(2, 10, { parent: 1, author: 'ben@example.de' }),
      comment(3, 20, { parent: 2, author: 'anna@example.de' }),
      comment(4, 30, { author: 'carla@example.de' }),
      // deleted, but kept for its reply: its author no longer counts
      comment(5, 40, { deleted: true, author: 'dora@example.de' }),
      comment(6, 50, { parent: 5, author: 'ben@example.de' }),
      // not visible (its parent is missing): its author does not count either
      comment(7, 60, { parent: 42, author: 'emil@example.de' }),
    ]
    expect(buildThread(input, 'newest', 12).stats).toMatchObject({
      threads: 3,
      replies: 3,
      authors: 3,
      followers: 12,
    })
  })

  it('reports no followers unless told', () => {
    expect(buildThread([comment(1, 0)], 'oldest').stats.followers).toBe(0)
  })

  it('names the comment with the most reactions of either kind, replies included, the older one on a tie', () => {
    const input = [
      comment(1, 0, { up: 2 }),
      comment(2, 10, { parent: 1, up: 1, down: 3 }),
      comment(3, 20, { down: 4 }),
      comment(4, 30, { up: 3 }),
    ]
    expect(buildThread(input, 'top').stats.mostReacted).toBe('2')
  })

  it('never names a deleted comment as the most reacted one', () => {
    const input = [comment(1, 0, { deleted: true, up: 50 }), comment(2, 10, { parent: 1, up: 1 })]
    expect(buildThread(input, 'oldest').stats.mostReacted).toBe('2')
  })

  it('names the thread with the most replies at any depth as the hottest, the older one on a tie', () => {
    const input = [
      comment(1, 0),
      comment(11, 1, { parent: 1 }),
      comment(12, 2, { parent: 11 }),
      comment(13, 3, { parent: 12 }),
      comment(2, 10),
      comment(21, 11, { parent: 2 }),
      comment(22, 12, { parent: 2 }),
      comment(3, 20),
      comment(31, 21, { parent: 3 }),
      comment(32, 22, { parent: 3 }),
      comment(33, 23, { parent: 31 }),
    ]
    // 1 and 3 both hold three replies (1 as a chain); 2 has more direct replies than 1 but fewer in all.
    expect(buildThread(input, 'newest').stats.hottestThread).toBe('1')
  })

  it('reports nulls when nobody reacted or replied, and zeros for an empty article', () => {
    expect(buildThread([comment(1, 0), comment(2, 10)], 'oldest').stats).toMatchObject({
      mostReacted: null,
      hottestThread: null,
    })
    expect(buildThread([], 'top')).toEqual({
      comments: [],
      stats: {
        threads: 0,
        replies: 0,
        authors: 0,
        followers: 0,
        mostReacted: null,
        hottestThread: null,
      },
    })
  })
})
