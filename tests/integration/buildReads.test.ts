import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiPaths,
  BUILD_COMMENTS_MAX_SLUGS,
  type BuildComments,
  type BuildStamps,
  type ErrorBody,
} from '../../contract'
import { paragraph } from '../../scripts/lib/lexical'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { seedComment } from '../helpers/seedComment'

/** The static build's bulk reads: one request for all stamps, one per 100 articles' comments. */
let cms: LocalCms
const ids: Record<string, number> = {}
const get = (path: string) => fetch(`${cms.url}${path}`)
const stamps = async () =>
  ((await (await get(apiPaths.buildStamps)).json()) as BuildStamps).articles
const commentsOf = async (...slugs: string[]) =>
  (
    (await (
      await get(`${apiPaths.buildComments}?slugs=${slugs.join(',')}`)
    ).json()) as BuildComments
  ).articles

const comment = (slug: string, body: string, status: 'approved' | 'pending') =>
  seedComment(cms.payload, ids[slug]!, body, status)

beforeAll(async () => {
  cms = await startLocalCms()
  for (const [slug, status] of [
    ['eins', 'published'],
    ['zwei', 'published'],
    ['entwurf', 'draft'],
  ] as const) {
    const doc = await cms.payload.create({
      collection: 'articles',
      draft: status === 'draft',
      data: { title: slug, slug, body: paragraph('Text.'), _status: status },
    })
    ids[slug] = doc.id
  }
}, 60_000)
afterAll(async () => cms?.stop())

describe('build reads', () => {
  it('give every published article its comment stamp and share count in one answer', async () => {
    const before = await stamps()
    expect(before.map((s) => s.slug).sort()).toEqual(['eins', 'zwei'])
    expect(before.find((s) => s.slug === 'eins')).toEqual({
      slug: 'eins',
      comments: expect.any(String),
      shares: 0,
    })

    await comment('eins', 'Wartet noch.', 'pending')
    expect(await stamps()).toEqual(before)
    const approved = await comment('eins', 'Freigegeben.', 'approved')
    await fetch(`${cms.url}${apiPaths.share('eins', 'linkedin')}`, { redirect: 'manual' })
    await fetch(`${cms.url}${apiPaths.share('eins', 'xing')}`, { redirect: 'manual' })
    const after = (await stamps()).find((s) => s.slug === 'eins')!
    expect(after.comments).not.toBe(before.find((s) => s.slug === 'eins')!.comments)
    expect(after.shares).toBe(2)
    expect((await stamps()).find((s) => s.slug === 'zwei')).toEqual(
      before.find((s) => s.slug === 'zwei'),
    )

    await cms.payload.update({
      collection: 'comments',
      id: approved.id,
      data: { body: 'Geändert.' },
    })
    expect((await stamps()).find((s) => s.slug === 'eins')!.comments).not.toBe(after.comments)
  })

  it('give the approved comments of many articles, page by page, and leave out drafts', async () => {
    for (let i = 0; i < 11; i++) await comment('zwei', `Faden ${i}`, 'approved')
    const answer = await commentsOf('eins', 'zwei', 'entwurf', 'gibt-es-nicht')
    expect(Object.keys(answer).sort()).toEqual(['eins', 'zwei'])
    const eins = answer.eins!
    expect(eins.pages).toHaveLength(1)
    expect(eins.pages[0]!.comments.map((c) => c.html)).toEqual([
      expect.stringContaining('Geändert.'),
    ])
    expect(JSON.stringify(eins)).not.toContain('Wartet noch.')
    const zwei = answer.zwei!
    expect(zwei.pages.map((p) => p.pagination)).toEqual([
      { page: 1, limit: 10, totalThreads: 11, totalPages: 2 },
      { page: 2, limit: 10, totalThreads: 11, totalPages: 2 },
    ])
    expect(zwei.pages[1]!.comments[0]!.html).toContain('Faden 10')
    // The same comments as the public comment API's first page shows.
    const api = await (await get(`${apiPaths.comments('zwei')}?sort=oldest&page=1&limit=10`)).json()
    expect(zwei.pages[0]).toEqual(api)
  })

  it('refuse a missing or too long list of slugs with the field and a message', async () => {
    for (const query of [
      '',
      '?slugs=',
      `?slugs=${Array.from({ length: BUILD_COMMENTS_MAX_SLUGS + 1 }, (_, i) => `s${i}`).join(',')}`,
    ]) {
      const response = await get(`${apiPaths.buildComments}${query}`)
      expect(response.status).toBe(400)
      expect(((await response.json()) as ErrorBody).errors).toEqual([
        {
          field: 'slugs',
          message: `Gib 1 bis ${BUILD_COMMENTS_MAX_SLUGS} Slugs an, durch Kommas getrennt.`,
        },
      ])
    }
  })
})
