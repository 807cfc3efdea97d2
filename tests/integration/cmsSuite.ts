import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { paragraph } from '../../scripts/lib/lexical'

/** The CMS behaviour every database adapter must show; run by one test file per adapter. */
export function cmsSuite(databaseUri?: string): void {
  let cms: LocalCms
  const publicTitles = async () => {
    const response = await fetch(`${cms.url}/api/articles?pagination=false&depth=0`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { docs: { title: string }[] }
    return body.docs.map((doc) => doc.title)
  }

  beforeAll(async () => {
    cms = await startLocalCms({ databaseUri })
    await cms.payload.delete({
      collection: 'articles',
      where: { id: { exists: true } },
      overrideAccess: true,
    })
  })
  afterAll(async () => cms?.stop())

  it('derives a German slug from the title and keeps an edited one', async () => {
    const derived = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Größe & Maß im Mittelstand', body: paragraph('x') },
    })
    expect(derived.slug).toBe('groesse-und-mass-im-mittelstand')
    const edited = await cms.payload.update({
      collection: 'articles',
      id: derived.id,
      data: { slug: 'mass-halten', generateSlug: false },
    })
    expect(edited.slug).toBe('mass-halten')
  })

  it('shows drafts to editors only, and published articles to everyone', async () => {
    const draft = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Nur ein Entwurf', body: paragraph('geheim'), _status: 'draft' },
    })
    expect(await publicTitles()).not.toContain('Nur ein Entwurf')
    const asDraft = await fetch(`${cms.url}/api/articles/${draft.id}?draft=true`)
    expect(asDraft.status).toBe(404)

    await cms.payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published' },
    })
    expect(await publicTitles()).toContain('Nur ein Entwurf')

    // A draft edit of a published article stays private until it is published.
    await cms.payload.update({
      collection: 'articles',
      id: draft.id,
      draft: true,
      data: { title: 'Neuer Titel, noch Entwurf' },
    })
    const titles = await publicTitles()
    expect(titles).toContain('Nur ein Entwurf')
    expect(titles).not.toContain('Neuer Titel, noch Entwurf')
  })

  it('stamps publishedAt on the first publish', async () => {
    const article = await cms.payload.create({
      collection: 'articles',
      data: { title: 'Mit Datum', slug: 'mit-datum', body: paragraph('x'), _status: 'published' },
    })
    expect(article.publishedAt).toEqual(expect.any(String))
  })

  it('refuses a second article with the same slug', async () => {
    await cms.payload.create({
      collection: 'articles',
      data: { title: 'Doppelt', slug: 'doppelt', body: paragraph('1') },
    })
    await expect(
      cms.payload.create({
        collection: 'articles',
        data: { title: 'Doppelt 2', slug: 'doppelt', generateSlug: false, body: paragraph('2') },
      }),
    ).rejects.toThrow(/slug/i)
    const { totalDocs } = await cms.payload.count({
      collection: 'articles',
      where: { slug: { equals: 'doppelt' } },
    })
    expect(totalDocs).toBe(1)
  })

  it('lets an editor publish through REST without giving a slug', async () => {
    await cms.payload.create({
      collection: 'users',
      data: { email: 'editor@example.de', password: 'pw-123456' },
    })
    const login = await fetch(`${cms.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.de', password: 'pw-123456' }),
    })
    const { token } = (await login.json()) as { token: string }
    const response = await fetch(`${cms.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: 'Über Führung', body: paragraph('x'), _status: 'published' }),
    })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: { slug: string } }
    expect(doc.slug).toBe('ueber-fuehrung')
    expect(await publicTitles()).toContain('Über Führung')
  })

  it('lets nobody but editors write through REST', async () => {
    const response = await fetch(`${cms.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Von außen', body: paragraph('x'), _status: 'published' }),
    })
    expect(response.status).toBe(403)
    expect(await publicTitles()).not.toContain('Von außen')
  })

  it('imports content/articles as published articles, and a re-run updates instead of duplicating', async () => {
    const first = await importArticles(cms.payload, path.resolve('content/articles'))
    expect(first.failed).toEqual([])
    expect(first.created).toHaveLength(1)
    const second = await importArticles(cms.payload, path.resolve('content/articles'))
    expect(second.created).toHaveLength(0)
    expect(second.updated).toHaveLength(1)
    const { totalDocs } = await cms.payload.count({
      collection: 'articles',
      where: { slug: { equals: 'social-media-nutzen-mittelstand' } },
    })
    expect(totalDocs).toBe(1)
    expect(await publicTitles()).toContain('Noch kein Social Media Nutzen für den Mittelstand')
  })

  it('skips a broken file whole, names its line, and imports the others', async () => {
    const report = await importArticles(cms.payload, path.resolve('tests/fixtures/articles-broken'))
    expect(report.created.map((file) => path.basename(file))).toEqual(['a-good.mdx'])
    expect(report.failed).toHaveLength(1)
    expect(report.failed[0]?.message).toMatch(/b-broken\.mdx:8: /)
    const broken = await cms.payload.count({
      collection: 'articles',
      where: { slug: { equals: 'ein-kaputter-beitrag' } },
    })
    expect(broken.totalDocs).toBe(0)
  })
}

export function describeCms(
  name: string,
  databaseUri: string | undefined,
  skipReason?: string,
): void {
  if (skipReason) {
    describe.skip(`${name} (skipped: ${skipReason})`, () => it('needs a database', () => {}))
    console.warn(`[${name}] SKIPPED: ${skipReason}`)
    return
  }
  describe(name, () => cmsSuite(databaseUri))
}
