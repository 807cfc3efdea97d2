import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraph } from '../../scripts/lib/lexical'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { seedComment } from '../helpers/seedComment'
import { astroBuild, renderedFiles } from '../helpers/astroBuild'
import { startBuildProcess } from '../helpers/buildProcess'
import { MIN_BYTES } from '../../site/serving/precompress'

/**
 * Incremental builds as the CMS runs them: every build into a new folder, one build cache. Each
 * change renders exactly the pages that show it; every other page is kept from the last build
 * (site/incremental/).
 */
let cms: LocalCms
let cacheDir: string
let out = ''
let builds = 0
const ids: Record<string, number> = {}

/** Pages every build renders: they have no key (single pages, cheap). */
const ALWAYS = ['/404.html', '/index.html', '/rss.xml', '/vorschau/index.html']

async function build(siteUrl?: string): Promise<string[]> {
  out = path.join(cms.dir, `build-${++builds}`)
  const output = await astroBuild({
    CMS_URL: cms.url,
    SITE_OUT_DIR: out,
    ASTRO_CACHE_DIR: cacheDir,
    ...(siteUrl && { SITE_URL: siteUrl }),
  })
  return renderedFiles(output).filter((file) => !ALWAYS.includes(file))
}
const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8')

async function article(slug: string, tags: string[]) {
  const doc = await cms.payload.create({
    collection: 'articles',
    data: {
      title: `Titel ${slug}`,
      slug,
      body: paragraph(`Text von ${slug}.`),
      tags,
      _status: 'published',
    },
  })
  ids[slug] = doc.id
}

const comment = (slug: string, body: string, status: 'approved' | 'pending') =>
  seedComment(cms.payload, ids[slug]!, body, status)

describe('incremental site builds', () => {
  beforeAll(async () => {
    cms = await startLocalCms()
    cacheDir = path.join(cms.dir, 'astro-cache')
    await article('anna', ['Strategie'])
    await article('bert', ['Strategie', 'Führung'])
    await article('carl', ['Technik'])
    // 12 threads: a second comment page (10 threads per page) for readers without JavaScript.
    for (let i = 0; i < 12; i++) await comment('carl', `Faden ${i}`, 'approved')
  }, 120_000)
  afterAll(async () => cms?.stop())

  it('renders everything into an empty cache, then nothing that did not change', async () => {
    const first = await build()
    expect(first).toEqual(
      expect.arrayContaining([
        '/blog/anna/index.html',
        '/blog/carl/kommentare/2/index.html',
        '/tags/fuehrung/index.html',
        '/impressum/index.html',
      ]),
    )
    expect(await build()).toEqual([])
    expect(read('blog/carl/kommentare/2/index.html')).toContain('Faden 11')
    // Kept pages are in the sitemap as rendered ones are.
    for (const page of ['/blog/anna/', '/blog/carl/kommentare/2/', '/tags/fuehrung/'])
      expect(read('sitemap-0.xml')).toContain(`${page}</loc>`)
    // The steps after Astro saw every file without listing the build: all of them are compressed.
    const files = fs.readdirSync(out, { recursive: true, encoding: 'utf8' })
    const compressible = files.filter(
      (file) =>
        /\.(html|css|js|xml)$/.test(file) && fs.statSync(path.join(out, file)).size >= MIN_BYTES,
    )
    expect(compressible).toContain(path.join('blog', 'anna', 'index.html'))
    expect(compressible.filter((file) => !files.includes(`${file}.gz`))).toEqual([])
  }, 120_000)

  it('renders every page again when the settings pages are rendered with changed', async () => {
    expect(await build('https://blog.example.org')).toContain('/blog/anna/index.html')
    expect(read('blog/anna/index.html')).toContain('https://blog.example.org/blog/anna/')
    expect(await build('https://blog.example.org')).toEqual([])
    expect(await build()).toContain('/blog/anna/index.html')
  }, 120_000)

  it('fails a build whose kept page is gone from the last build, and renders all in the next', async () => {
    await build()
    fs.rmSync(path.join(out, 'blog/anna/index.html'))
    await expect(build()).rejects.toThrow(/could not be kept from .*blog\/anna\/index\.html/)
    expect(await build()).toContain('/blog/anna/index.html')
    expect(await build()).toEqual([])
  }, 120_000)

  it('an edited title renders its article and its tags, draws its image, plus the home page and feed', async () => {
    const image = fs.readFileSync(path.join(out, 'og/bert.png'))
    const previous = out
    await cms.payload.update({
      collection: 'articles',
      id: ids.bert!,
      data: { title: 'Bert, neu' },
    })
    expect(await build()).toEqual([
      '/blog/bert/index.html',
      '/tags/fuehrung/index.html',
      '/tags/strategie/index.html',
    ])
    // Sharing images are linked into the build, not rendered (site/og/).
    expect(fs.readFileSync(path.join(out, 'og/bert.png')).equals(image)).toBe(false)
    expect(fs.existsSync(path.join(out, 'og/anna.png'))).toBe(true)
    // Unchanged pages are hard links to the last build's files, and a page rendered again is a
    // new file, never written through them: the last build still shows the old title.
    const inode = (dir: string, file: string) => fs.statSync(path.join(dir, file)).ino
    expect(inode(out, 'blog/anna/index.html')).toBe(inode(previous, 'blog/anna/index.html'))
    expect(fs.readFileSync(path.join(previous, 'blog/bert/index.html'), 'utf8')).toContain(
      'Titel bert',
    )
    expect(fs.readFileSync(path.join(previous, 'blog/bert/index.html'), 'utf8')).not.toContain(
      'Bert, neu',
    )
    for (const file of [
      'blog/bert/index.html',
      'index.html',
      'rss.xml',
      'tags/strategie/index.html',
    ])
      expect(read(file)).toContain('Bert, neu')
    expect(read('tags/technik/index.html')).not.toContain('Bert')
  }, 120_000)

  it('an approved comment renders only its article page and comment pages', async () => {
    const pending = await comment('anna', 'Erst geprüft, dann sichtbar.', 'pending')
    expect(await build()).toEqual([])
    await cms.payload.update({
      collection: 'comments',
      id: pending.id,
      data: { status: 'approved' },
    })
    expect(await build()).toEqual(['/blog/anna/index.html'])
    expect(read('blog/anna/index.html')).toContain('Erst geprüft, dann sichtbar.')
    await comment('carl', 'Faden 12', 'approved')
    expect(await build()).toEqual(['/blog/carl/index.html', '/blog/carl/kommentare/2/index.html'])
  }, 120_000)

  it('a new slug leaves a redirect, an unpublished article no page', async () => {
    await cms.payload.update({ collection: 'articles', id: ids.anna!, data: { slug: 'anna-neu' } })
    await cms.payload.update({ collection: 'articles', id: ids.carl!, data: { _status: 'draft' } })
    const rendered = await build()
    expect(rendered).toContain('/blog/anna-neu/index.html')
    expect(rendered.filter((file) => file.includes('carl'))).toEqual([])
    expect(read('blog/anna/index.html')).toMatch(
      /http-equiv="refresh" content="0;url=\/blog\/anna-neu\/"/,
    )
    expect(fs.existsSync(path.join(out, 'blog/carl'))).toBe(false)
    expect(fs.existsSync(path.join(out, 'og/carl.png'))).toBe(false)
    expect(read('sitemap-0.xml')).toContain('/blog/anna-neu/')
    expect(read('sitemap-0.xml')).not.toContain('/blog/carl/')
  }, 120_000)

  it('lists 20 articles a page: a publish moves the pages, an older edit renders its page only', async () => {
    for (let i = 0; i < 21; i++) await article(`reihe-${i}`, ['Reihe'])
    const rendered = await build()
    expect(rendered).toEqual(
      expect.arrayContaining(['/seite/2/index.html', '/tags/reihe/seite/2/index.html']),
    )
    // Newest first: the 20 newest on the home page, the two articles of the first tests after them.
    expect(read('index.html')).toContain('href="/seite/2/" rel="next"')
    expect(read('index.html')).toContain('Titel reihe-20')
    expect(read('index.html')).not.toContain('Bert, neu')
    expect(read('seite/2/index.html')).toContain('Bert, neu')
    expect(read('seite/2/index.html')).toContain('href="/" rel="prev"')
    expect(read('tags/reihe/seite/2/index.html')).toContain('Titel reihe-0')
    expect(read('tags/reihe/index.html')).not.toContain('Titel reihe-0<')

    await cms.payload.update({
      collection: 'articles',
      id: ids.bert!,
      data: { title: 'Bert, alt' },
    })
    expect(await build()).toEqual([
      '/blog/bert/index.html',
      '/seite/2/index.html',
      '/tags/fuehrung/index.html',
      '/tags/strategie/index.html',
    ])
    expect(read('seite/2/index.html')).toContain('Bert, alt')
  }, 240_000)

  it('starts over when the build cache is gone', async () => {
    fs.rmSync(cacheDir, { recursive: true, force: true })
    expect(await build()).toContain('/blog/bert/index.html')
    expect(await build()).toEqual([])
  }, 120_000)

  it("in the CMS's build process, a build starts with the last build's pages in place", async () => {
    fs.mkdirSync(path.resolve('.tmp'), { recursive: true })
    // Below the project, as the CMS's builds are (cms/publishing/builder/siteBuilder.ts).
    const dir = fs.mkdtempSync(path.resolve('.tmp', 'staged-builds-'))
    const builder = await startBuildProcess({ ASTRO_CACHE_DIR: path.join(dir, 'cache') })
    const folder = (n: number) => path.join(dir, `build-${n}`)
    const buildIn = async (n: number) => {
      out = folder(n)
      const output = await builder.build(out, cms.url)
      return { output, rendered: renderedFiles(output).filter((file) => !ALWAYS.includes(file)) }
    }
    try {
      expect((await buildIn(1)).rendered).toContain('/tags/reihe/seite/2/index.html')
      const unchanged = await buildIn(2)
      expect(unchanged.rendered).toEqual([])
      expect(unchanged.output).toMatch(/unchanged pages kept \(linked before the build\)/)

      await cms.payload.update({
        collection: 'articles',
        id: ids['reihe-3']!,
        data: { title: 'Reihe drei, neu' },
      })
      // The oldest of the series, alone on the second page of its tag: that page goes with it.
      await cms.payload.update({
        collection: 'articles',
        id: ids['reihe-0']!,
        data: { _status: 'draft' },
      })
      const changed = await buildIn(3)
      expect(changed.output).toMatch(/unchanged pages kept \(linked before the build\)/)
      expect(changed.rendered).toEqual([
        '/blog/reihe-3/index.html',
        '/seite/2/index.html',
        '/tags/reihe/index.html',
      ])
      expect(read('blog/reihe-3/index.html')).toContain('Reihe drei, neu')
      // The page rendered again is a new file: the last build, still served, is as it was.
      const before = (file: string) => fs.readFileSync(path.join(folder(2), file), 'utf8')
      expect(before('blog/reihe-3/index.html')).not.toContain('Reihe drei, neu')
      expect(before('blog/reihe-3/index.html')).toContain('Titel reihe-3')
      const inode = (n: number, file: string) => fs.statSync(path.join(folder(n), file)).ino
      expect(inode(3, 'blog/reihe-4/index.html')).toBe(inode(2, 'blog/reihe-4/index.html'))
      expect(inode(3, 'blog/reihe-3/index.html')).not.toBe(inode(2, 'blog/reihe-3/index.html'))
      // Gone pages leave no folder, and the sitemap lists what is there.
      for (const gone of ['blog/reihe-0', 'tags/reihe/seite', 'og/reihe-0.png'])
        expect(fs.existsSync(path.join(out, gone))).toBe(false)
      expect(fs.existsSync(path.join(folder(2), 'blog/reihe-0/index.html'))).toBe(true)
      expect(read('sitemap-0.xml')).toContain('/blog/reihe-4/</loc>')
      expect(read('sitemap-0.xml')).not.toContain('/blog/reihe-0/')
      expect(read('blog/reihe-3/index.html.gz').length).toBeGreaterThan(0)
      expect(fs.statSync(path.join(out, 'blog/reihe-3/index.html.br')).ino).not.toBe(
        inode(2, 'blog/reihe-3/index.html.br'),
      )
    } finally {
      builder.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})
