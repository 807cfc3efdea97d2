import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rerenderOutdatedComments } from '../../cms/collections/Comments/rerenderOutdated'
import { importArticles } from '../../cms/content/importArticles'
import { apiPaths, type CommentsData, type PublicComment } from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { FANOUT_SLUG } from '../../scripts/lib/seedSubscribers'
import { publicApi } from '../helpers/publicApi'

const SLUG = FANOUT_SLUG
let cms: LocalCms
const api = publicApi(() => cms.url)
const list = (query = '', headers: Record<string, string> = {}) =>
  api<CommentsData>('GET', `${apiPaths.comments(SLUG)}${query}`, undefined, headers)
const ids = (comments: PublicComment[] | undefined) => (comments ?? []).map((c) => c.id)

/** 120 threads, every third with two replies; created as an import would (approved, nobody notified). */
const roots: string[] = []
const replies: string[] = []
beforeAll(async () => {
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
  const article = (
    await cms.payload.find({ collection: 'articles', where: { slug: { equals: SLUG } } })
  ).docs[0]!
  const create = (n: number, parent?: number) =>
    cms.payload.create({
      collection: 'comments',
      context: { bulkImport: true },
      data: {
        article: article.id,
        parent: parent ?? null,
        depth: parent ? 2 : 1,
        authorName: `Leser ${n}`,
        authorEmail: `leser${n}@example.de`,
        body: `Kommentar ${n} mit *Betonung*`,
        status: 'approved',
      },
    })
  for (let n = 0; n < 120; n++) {
    const root = await create(n)
    roots.push(String(root.id))
    if (n % 3 === 0)
      for (const r of [1, 2]) replies.push(String((await create(1000 + n * 10 + r, root.id)).id))
  }
}, 120_000)
afterAll(() => cms.stop())

describe('comment pages', () => {
  it('answers 50 threads per page with all their replies, and stats for the whole article', async () => {
    const first = await list()
    expect(first.status).toBe(200)
    expect(first.json.pagination).toEqual({ page: 1, limit: 50, totalThreads: 120, totalPages: 3 })
    expect(ids(first.json.comments)).toEqual(roots.slice(0, 50))
    expect(first.json.comments?.[0]?.replies.map((r) => r.id)).toEqual(replies.slice(0, 2))
    expect(first.json.stats).toMatchObject({ threads: 120, replies: 80, authors: 200 })

    const last = await list('?page=3')
    expect(ids(last.json.comments)).toEqual(roots.slice(100))
    expect((await list('?page=2&limit=100')).json.comments).toHaveLength(20)
    expect(ids((await list('?sort=newest&limit=10')).json.comments)).toEqual(
      roots.slice(-10).reverse(),
    )
  })

  it('finds the page that holds a comment, for links to it', async () => {
    const reply = replies[50]! // a reply in thread 75
    const page = await list(`?comment=${reply}`)
    expect(page.json.pagination?.page).toBe(2)
    expect(page.json.comments?.some((c) => c.replies.some((r) => r.id === reply))).toBe(true)
    expect((await list(`?comment=${roots[0]}&sort=newest`)).json.pagination?.page).toBe(3)
    const unknown = await list('?comment=999999')
    expect(unknown.status).toBe(404)
    expect(unknown.json.errors?.[0]?.field).toBe('comment')
  })

  it('refuses pages and sizes that are not whole numbers in range, naming the field', async () => {
    for (const [query, field] of [
      ['?page=0', 'page'],
      ['?page=zwei', 'page'],
      ['?limit=101', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?sort=beliebt', 'sort'],
    ] as const) {
      const answer = await list(query)
      expect(answer.status, query).toBe(400)
      expect(answer.json.errors?.[0]?.field, query).toBe(field)
    }
  })

  it('answers 304 to a reader who has this page already, and a new ETag after a moderation decision', async () => {
    const first = await list()
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    expect(first.headers.get('cache-control')).toContain('s-maxage=1')
    const again = await list('', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')

    // The editor marks the first thread's root as spam in the admin.
    await cms.payload.update({ collection: 'comments', id: roots[0]!, data: { status: 'spam' } })
    const after = await list('', { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(ids(after.json.comments)).not.toContain(roots[0])
    expect(after.json.stats?.threads).toBe(119)
    await cms.payload.update({
      collection: 'comments',
      id: roots[0]!,
      data: { status: 'approved' },
    })
  })

  it('stores the HTML when a comment is written or edited, and renders old ones again after a renderer change', async () => {
    const id = roots[5]!
    expect((await cms.payload.findByID({ collection: 'comments', id })).html).toBe(
      '<p>Kommentar 5 mit <em>Betonung</em></p>',
    )
    await cms.payload.update({ collection: 'comments', id, data: { body: 'Jetzt **fett**' } })
    const shown = async () => (await list()).json.comments?.find((c) => c.id === id)?.html
    expect(await shown()).toBe('<p>Jetzt <strong>fett</strong></p>')

    // As if an older renderer had made this HTML (written past the hooks).
    await cms.payload.db.updateOne({
      collection: 'comments',
      id,
      data: { html: '<p>alt</p>', htmlVersion: 0 },
    })
    expect(await rerenderOutdatedComments(cms.payload)).toBe(1)
    expect((await cms.payload.findByID({ collection: 'comments', id })).html).toBe(
      '<p>Jetzt <strong>fett</strong></p>',
    )
    expect(await shown()).toBe('<p>Jetzt <strong>fett</strong></p>')
    expect(await rerenderOutdatedComments(cms.payload)).toBe(0)
  })
})
