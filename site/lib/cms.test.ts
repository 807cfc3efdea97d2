import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyComments, fetchBuildStamps, fetchCommentPages } from './cms'
import { BUILD_COMMENTS_MAX_SLUGS, COMMENT_THREADS_PER_PAGE as LIMIT } from '../../contract'

const answer = (body: unknown, status = 200) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status }))

describe('fetchCommentPages', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('reads the comment pages of several articles into typed comments, in one request', async () => {
    const page2 = {
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
    }
    const page1 = { ...emptyComments(), commentsOpen: false }
    const fetch = answer({ articles: { 'mein-beitrag': { stamp: 's1', pages: [page1, page2] } } })
    vi.stubGlobal('fetch', fetch)
    const pages = await fetchCommentPages(['mein-beitrag', 'entwurf'])
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(String(fetch.mock.calls[0]?.at(0))).toMatch(
      /\/api\/public\/site-build\/comments\?slugs=mein-beitrag,entwurf$/,
    )
    expect(pages.get('mein-beitrag')).toHaveLength(2)
    const data = pages.get('mein-beitrag')![1]!
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

  it('gives an article missing from the answer (not public) no comments', async () => {
    vi.stubGlobal('fetch', answer({ articles: {} }))
    expect((await fetchCommentPages(['entwurf'])).get('entwurf')).toEqual([
      {
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
      },
    ])
  })

  it(`asks for at most ${BUILD_COMMENTS_MAX_SLUGS} articles at a time`, async () => {
    const fetch = answer({ articles: {} })
    vi.stubGlobal('fetch', fetch)
    const slugs = Array.from({ length: BUILD_COMMENTS_MAX_SLUGS + 1 }, (_, i) => `b-${i}`)
    expect((await fetchCommentPages(slugs)).size).toBe(slugs.length)
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(String(fetch.mock.calls[1]?.at(0))).toMatch(
      new RegExp(`slugs=b-${BUILD_COMMENTS_MAX_SLUGS}$`),
    )
    expect(await fetchCommentPages([])).toEqual(new Map())
  })

  it('fails the build on any other error or an unexpected answer', async () => {
    const one = (page: unknown) => answer({ articles: { x: { stamp: '', pages: [page] } } })
    vi.stubGlobal('fetch', answer({ errors: [] }, 500))
    await expect(fetchCommentPages(['x'])).rejects.toThrow(/CMS answered 500/)
    vi.stubGlobal('fetch', one({ stats: {}, comments: 'nope' }))
    await expect(fetchCommentPages(['x'])).rejects.toThrow(/Unexpected answer/)
    // The contract says the CMS always sends commentsOpen.
    vi.stubGlobal('fetch', one({ ...emptyComments(), commentsOpen: undefined }))
    await expect(fetchCommentPages(['x'])).rejects.toThrow(/commentsOpen/)
    // …and the page it answers.
    vi.stubGlobal('fetch', one({ ...emptyComments(), pagination: undefined }))
    await expect(fetchCommentPages(['x'])).rejects.toThrow(/pagination/)
    vi.stubGlobal('fetch', answer({ articles: [{ slug: 'x' }] }))
    await expect(fetchBuildStamps()).rejects.toThrow(/Unexpected answer/)
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new Error('ECONNREFUSED'))),
    )
    await expect(fetchBuildStamps()).rejects.toThrow(/CMS not reachable/)
  })
})
