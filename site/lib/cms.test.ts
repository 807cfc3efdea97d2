import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyComments, fetchComments } from './cms'
import { COMMENT_THREADS_PER_PAGE as LIMIT } from '../../contract'

const answer = (body: unknown, status = 200) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status }))

describe('fetchComments', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('reads one page of threads, oldest first, into typed comments', async () => {
    const fetch = answer({
      stats: {
        threads: 1,
        replies: 1,
        authors: 2,
        followers: 0,
        mostReacted: 12,
        hottestThread: null,
      },
      comments: [
        {
          id: 12,
          parent: null,
          depth: 1,
          author: { name: 'Wolfgang Klein', url: 'https://example.com' },
          html: '<p>Hallo</p>',
          createdAt: '2026-11-27T10:00:00.000Z',
          editedAt: null,
          deleted: false,
          reactions: { up: 2, down: 0 },
          replies: [
            {
              id: '13',
              parent: '12',
              depth: 2,
              author: null,
              html: '',
              createdAt: '2026-11-27T11:00:00.000Z',
              editedAt: null,
              deleted: true,
              reactions: { up: 0, down: 0 },
              replies: [],
            },
          ],
        },
      ],
      commentsOpen: false,
      pagination: { page: 2, limit: LIMIT, totalThreads: LIMIT + 1, totalPages: 2 },
    })
    vi.stubGlobal('fetch', fetch)
    const data = await fetchComments('mein-beitrag', 2)
    // The site's page size, the same the island asks for.
    expect(String(fetch.mock.calls[0]?.at(0))).toMatch(
      new RegExp(`/api/public/articles/mein-beitrag/comments\\?sort=oldest&page=2&limit=${LIMIT}$`),
    )
    expect(data.pagination).toEqual({
      page: 2,
      limit: LIMIT,
      totalThreads: LIMIT + 1,
      totalPages: 2,
    })
    expect(data.stats.mostReacted).toBe('12')
    expect(data.comments[0]?.id).toBe('12')
    expect(data.comments[0]?.replies[0]).toMatchObject({
      id: '13',
      parent: '12',
      deleted: true,
      author: null,
    })
    expect(data.commentsOpen).toBe(false)
  })

  it('treats 404 (article not public) as no comments', async () => {
    vi.stubGlobal(
      'fetch',
      answer({ errors: [{ field: 'slug', message: 'Unbekannter Beitrag.' }] }, 404),
    )
    expect(await fetchComments('entwurf')).toEqual({
      stats: {
        threads: 0,
        replies: 0,
        authors: 0,
        followers: 0,
        mostReacted: null,
        hottestThread: null,
      },
      comments: [],
      commentsOpen: true,
      pagination: { page: 1, limit: LIMIT, totalThreads: 0, totalPages: 1 },
    })
  })

  it('fails the build on any other error or an unexpected answer', async () => {
    vi.stubGlobal('fetch', answer({ errors: [] }, 500))
    await expect(fetchComments('x')).rejects.toThrow(/CMS answered 500/)
    vi.stubGlobal('fetch', answer({ stats: {}, comments: 'nope' }))
    await expect(fetchComments('x')).rejects.toThrow(/Unexpected comments/)
    // The contract says the CMS always sends commentsOpen.
    vi.stubGlobal('fetch', answer({ ...emptyComments(), commentsOpen: undefined }))
    await expect(fetchComments('x')).rejects.toThrow(/commentsOpen/)
    // …and the page it answers.
    vi.stubGlobal('fetch', answer({ ...emptyComments(), pagination: undefined }))
    await expect(fetchComments('x')).rejects.toThrow(/pagination/)
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new Error('ECONNREFUSED'))),
    )
    await expect(fetchComments('x')).rejects.toThrow(/CMS not reachable/)
  })
})
