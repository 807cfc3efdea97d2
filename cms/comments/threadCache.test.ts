import { describe, expect, it } from 'vitest'
import type { PublicComment } from '../../contract'
import { pageHolding, type CachedThread } from './threadCache'

/** A public comment written `minute` minutes after 10:00, with `up` reactions. */
const comment = (id: string, parent: string | null, minute: number, up = 0): PublicComment => ({
  id,
  parent,
  depth: parent ? 2 : 1,
  author: { name: `Leser ${id}`, url: null },
  html: '',
  createdAt: new Date(Date.UTC(2026, 10, 27, 10, minute)).toISOString(),
  editedAt: null,
  deleted: false,
  reactions: { up, down: 0 },
  replies: [],
})

/** Root `n` (oldest first) with one reply `n-r`; root 7 has the most reactions. */
const root = (n: number): PublicComment => ({
  ...comment(String(n), null, n, n === 7 ? 9 : 0),
  replies: [comment(`${n}-r`, String(n), 30 + n)],
})

const roots = Array.from({ length: 25 }, (_, i) => root(i + 1))
const thread: CachedThread = {
  articleId: '1',
  stamp: 's',
  commentsOpen: true,
  stats: {
    threads: 25,
    replies: 25,
    authors: 25,
    followers: 0,
    mostReacted: '7',
    hottestThread: null,
  },
  roots: new Map([['oldest', roots]]),
  rootOf: new Map(roots.flatMap((r) => [[r.id, r.id] as const, [`${r.id}-r`, r.id] as const])),
  answers: new Map(),
}

describe('pageHolding', () => {
  it("finds the page of a comment's thread, for a root and for a reply", () => {
    expect(pageHolding(thread, 'oldest', 10, '1')).toBe(1)
    expect(pageHolding(thread, 'oldest', 10, '10-r')).toBe(1)
    expect(pageHolding(thread, 'oldest', 10, '11')).toBe(2)
    expect(pageHolding(thread, 'oldest', 10, '25-r')).toBe(3)
    expect(pageHolding(thread, 'oldest', 50, '25-r')).toBe(1)
  })

  it('counts in the order asked for', () => {
    expect(pageHolding(thread, 'newest', 10, '25')).toBe(1)
    expect(pageHolding(thread, 'newest', 10, '1-r')).toBe(3)
    expect(pageHolding(thread, 'top', 1, '7-r')).toBe(1)
  })

  it('knows no page of a comment that is not public', () => {
    expect(pageHolding(thread, 'oldest', 10, '99')).toBeNull()
  })
})
