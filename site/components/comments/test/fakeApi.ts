import type { CommentsData, CommentSort, PublicComment, Vote } from '../../../../contract'

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
  }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export function fakeApi(data: CommentsData = seedData()) {
  const calls: Call[] = []
  const overrides: { method: string; path: RegExp; handler: Handler }[] = []
  const votes = new Map<string, Vote>()
  let nextId = 100

  const sorted = (sort: CommentSort): PublicComment[] => {
    const list = [...data.comments]
    if (sort === 'newest') return list.reverse()
    if (sort === 'top')
      return list.sort(
        (a, b) => b.reactions.up - b.reactions.down - (a.reactions.up - a.reactions.down),
      )
    return list
  }

  const defaults: Handler = (call) => {
    const path = call.url.pathname
    if (call.method === 'GET' && path === `/api/public/articles/${SLUG}/comments`) {
      return json({
        stats: data.stats,
        comments: sorted((call.url.searchParams.get('sort') as CommentSort | null) ?? 'oldest'),
        commentsOpen: data.commentsOpen,
      })
    }
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
            'Fast geschafft: Bitte bestätigen Sie den Link in der E-Mail, die wir Ihnen geschickt haben.',
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
