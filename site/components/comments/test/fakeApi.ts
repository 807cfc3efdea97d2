import {
  FORM_TOKEN_HEADER,
  THREADS_PER_PAGE,
  type CommentsData,
  type CommentSort,
  type PublicComment,
  type Vote,
} from '../../../../contract'
import { findComment } from '../tree'

/**
 * A small in-memory stand-in for the CMS's public comment API (README, "Public comment API") and
 * its subscription endpoint, installed as `fetch`. Tests read `calls` to see what the island sent
 * and replace single answers with `answer(...)`.
 */

export const API_BASE = 'http://cms.test'
export const SLUG = 'social-media-nutzen-mittelstand'

export interface Call {
  method: string
  url: URL
  headers: Headers
  credentials: RequestCredentials | undefined
  body: unknown
}

type Handler = (call: Call) => Response | undefined

export function comment(
  id: string,
  name: string,
  extra: Partial<PublicComment> = {},
): PublicComment {
  return {
    id,
    parent: null,
    depth: 1,
    author: { name, url: null },
    html: `<p>Text von ${name}</p>`,
    createdAt: '2026-11-27T10:00:00.000Z',
    editedAt: null,
    deleted: false,
    reactions: { up: 0, down: 0 },
    replies: [],
    ...extra,
  }
}

/** Two threads, the first with one reply. */
export function seedData(): CommentsData {
  return {
    stats: {
      threads: 2,
      replies: 1,
      authors: 3,
      followers: 0,
      mostReacted: '12',
      hottestThread: '12',
    },
    comments: [
      comment('12', 'Wolfgang Klein', {
        author: { name: 'Wolfgang Klein', url: 'https://example.com' },
        html: '<p>Ich berate mittelständische Kunden …</p>',
        reactions: { up: 2, down: 0 },
        replies: [
          comment('13', 'Anna Berger', {
            parent: '12',
            depth: 2,
            createdAt: '2026-11-27T11:00:00.000Z',
          }),
        ],
      }),
      comment('14', 'Jan Meyer', {
        createdAt: '2026-11-27T12:00:00.000Z',
        reactions: { up: 5, down: 1 },
      }),
    ],
    commentsOpen: true,
    pagination: { page: 1, limit: THREADS_PER_PAGE, totalThreads: 2, totalPages: 1 },
  }
}

/**
 * `count` threads "t1", "t2", … (oldest first), each with `replies` replies "t1r1", …: enough
 * for several pages.
 */
export function manyThreads(count: number, replies = 0): PublicComment[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `t${i + 1}`
    return comment(id, `Autor ${i + 1}`, {
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      replies: Array.from({ length: replies }, (_, r) =>
        comment(`${id}r${r + 1}`, `Antwort ${r + 1}`, { parent: id, depth: 2 }),
      ),
    })
  })
}

/** Threads in the API's order: oldest first, newest first, or most liked first. */
export function sortThreads(threads: readonly PublicComment[], sort: CommentSort): PublicComment[] {
  const list = [...threads]
  if (sort === 'newest') return list.reverse()
  if (sort === 'top')
    return list.sort(
      (a, b) => b.reactions.up - b.reactions.down - (a.reactions.up - a.reactions.down),
    )
  return list
}

/** One page of `data` (all threads of the article) as the API answers it. */
export function pageOf(
  data: CommentsData,
  {
    sort = 'oldest',
    page = 1,
    limit = THREADS_PER_PAGE,
  }: { sort?: CommentSort; page?: number; limit?: number } = {},
): CommentsData {
  const threads = sortThreads(data.comments, sort)
  return {
    ...data,
    comments: threads.slice((page - 1) * limit, page * limit),
    pagination: {
      page,
      limit,
      totalThreads: threads.length,
      totalPages: Math.max(1, Math.ceil(threads.length / limit)),
    },
  }
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

/**
 * `data.comments` are all threads of the article; GET answers one page of them (`threadsPerPage`
 * per page unless the query has `limit`), or with `comment` the page that holds that comment.
 */
export function fakeApi(
  data: CommentsData = seedData(),
  { threadsPerPage = THREADS_PER_PAGE }: { threadsPerPage?: number } = {},
) {
  const calls: Call[] = []
  const overrides: { method: string; path: RegExp; handler: Handler }[] = []
  const votes = new Map<string, Vote>()
  let nextId = 100
  let lists = 0

  const list = (query: URLSearchParams): Response => {
    const sort = (query.get('sort') as CommentSort | null) ?? 'oldest'
    const limit = Number(query.get('limit') ?? threadsPerPage)
    let page = Number(query.get('page') ?? 1)
    const wanted = query.get('comment')
    if (wanted) {
      const index = sortThreads(data.comments, sort).findIndex((thread) =>
        findComment([thread], wanted),
      )
      if (index < 0)
        return json({ errors: [{ field: 'comment', message: 'Nicht gefunden.' }] }, 404)
      page = Math.floor(index / limit) + 1
    }
    const { comments, stats, commentsOpen, pagination } = pageOf(data, { sort, page, limit })
    // Like the CMS: a fresh form token with every answer, in a header (the body is shared).
    return json({ stats, comments, commentsOpen, pagination }, 200, {
      [FORM_TOKEN_HEADER]: `form-token-${++lists}`,
    })
  }

  const defaults: Handler = (call) => {
    const path = call.url.pathname
    if (call.method === 'GET' && path === `/api/public/articles/${SLUG}/comments`)
      return list(call.url.searchParams)
    if (call.method === 'POST' && path === `/api/public/articles/${SLUG}/comments`) {
      const input = call.body as { name: string; body: string; parent?: string }
      const id = String(nextId++)
      const created = comment(id, input.name, {
        parent: input.parent ?? null,
        depth: input.parent ? 2 : 1,
        html: `<p>${input.body}</p>`,
      })
      return json({ comment: { ...created, status: 'pending' }, editToken: `token-${id}` }, 201)
    }
    if (call.method === 'POST' && path === '/api/public/subscriptions') {
      return json(
        {
          status: 'pending',
          message:
            'Wenn die Adresse abonniert werden kann, ist eine Bestätigungs-E-Mail unterwegs.',
        },
        202,
      )
    }
    const reaction = /^\/api\/public\/comments\/(\w+)\/reactions$/.exec(path)
    if (call.method === 'POST' && reaction?.[1]) {
      const id = reaction[1]
      const value = (call.body as { value: Vote }).value
      const base = { up: 2, down: 0 }
      if (votes.get(id) === value) votes.delete(id)
      else votes.set(id, value)
      const mine = votes.get(id) ?? null
      return json({
        up: base.up + (mine === 'up' ? 1 : 0),
        down: base.down + (mine === 'down' ? 1 : 0),
        mine,
      })
    }
    return json({ errors: [{ field: 'id', message: 'Nicht gefunden.' }] }, 404)
  }

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      headers: new Headers(init.headers),
      credentials: init.credentials,
      body,
    }
    calls.push(call)
    for (const { method, path, handler } of overrides) {
      if (method === call.method && path.test(url.pathname)) {
        const response = handler(call)
        if (response) return response
      }
    }
    return defaults(call) ?? json({}, 500)
  }

  return {
    calls,
    fetch,
    data,
    /** Replaces the answer to one method and path (later overrides win over earlier ones). */
    answer(method: string, path: RegExp, handler: Handler) {
      overrides.unshift({ method, path, handler })
    },
    json,
    callsTo: (method: string, path: RegExp) =>
      calls.filter((c) => c.method === method && path.test(c.url.pathname)),
  }
}
export type FakeApi = ReturnType<typeof fakeApi>
