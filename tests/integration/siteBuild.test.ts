import { createHash } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { Window } from 'happy-dom'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { importArticles } from '../../cms/content/importArticles'
import { formTokenTime } from '../../cms/spam/formToken'
import { apiPaths, articlePath, commentAnchor, MIN_FILL_MS } from '../../contract'
import { astroBuild as buildSite } from '../helpers/astroBuild'
import { paragraph } from '../../scripts/lib/lexical'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { createStaticServer, listen } from '../../scripts/lib/staticServer'
import { headerMatcher, parseHeaderRules, parseHeadersFile } from '../../site/security/siteHeaders'
import { CACHE_CONTROL } from '../../site/serving/cachePolicy'
import { parseRedirectsFile } from '../../site/serving/redirects'
import {
  BUDGET_ARTICLE,
  PAGE_BUDGET,
  REST_OF_PAGE,
} from '../../site/components/comments/test/budget'
import { commentWriter } from '../../site/components/comments/test/generate'

const SLUG = 'social-media-nutzen-mittelstand'
const DRAFT_MARK = 'Streng geheimer Entwurf 4711'
const DRAFT_EDIT_MARK = 'Unveröffentlichte Überarbeitung 0815'

let cms: LocalCms
let out: string
/** The seed article's approved comments, oldest first: ids of the threads, and one reply's text. */
const threads: string[] = []
let replyText = ''
const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8')
const allBuiltText = () =>
  (fs.readdirSync(out, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && /\.(html|xml)$/.test(entry.name))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')

/** `astro build` against the local CMS into `out`, with exactly this configuration; resolves with its output. */
const astroBuild = () =>
  buildSite({
    CMS_URL: cms.url,
    SITE_OUT_DIR: out,
    SITE_URL: 'https://blog.example.de',
    ASTRO_CACHE_DIR: path.join(cms.dir, 'astro-cache'),
  })

/** The page budget's article: 500 approved comments on 50 threads (see test/budget.ts). */
async function seedComments() {
  const seed = (
    await cms.payload.find({ collection: 'articles', where: { slug: { equals: SLUG } } })
  ).docs[0]!
  const writer = commentWriter()
  const create = async (parent?: number) => {
    const body = writer.text(writer.length(BUDGET_ARTICLE.meanLength))
    const created = await cms.payload.create({
      collection: 'comments',
      context: { bulkImport: true },
      data: {
        article: seed.id,
        parent: parent ?? null,
        depth: parent ? 2 : 1,
        authorName: writer.name(),
        authorEmail: `leser${threads.length}@example.de`,
        authorUrl: writer.url(),
        body,
        status: 'approved',
      },
    })
    return { id: created.id, body }
  }
  for (let t = 0; t < BUDGET_ARTICLE.threads; t++) {
    const root = await create()
    threads.push(String(root.id))
    for (let r = 0; r < BUDGET_ARTICLE.repliesPerThread; r++) {
      const reply = await create(root.id)
      if (t === 3 && r === 4) replyText = reply.body
    }
  }
}

describe('static site build', () => {
  beforeAll(async () => {
    cms = await startLocalCms()
    const report = await importArticles(cms.payload, path.resolve('content/articles'))
    expect(report.failed).toEqual([])
    await seedComments()
    const body = paragraph('Ein Absatz.')
    await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: DRAFT_MARK, slug: 'entwurf', body, _status: 'draft' },
    })
    const published = await cms.payload.create({
      collection: 'articles',
      data: {
        title: 'Zweiter Beitrag',
        slug: 'zweiter-beitrag',
        body,
        tags: ['Führung'],
        _status: 'published',
        publishedAt: '2010-01-01T00:00:00.000Z',
      },
    })
    await cms.payload.update({
      collection: 'articles',
      id: published.id,
      draft: true,
      data: { title: DRAFT_EDIT_MARK },
    })
    const renamed = await cms.payload.create({
      collection: 'articles',
      data: { title: 'Umbenannt', slug: 'alter-name', body, _status: 'published' },
    })
    await cms.payload.update({
      collection: 'articles',
      id: renamed.id,
      data: { slug: 'zwischen-name' },
    })
    await cms.payload.update({
      collection: 'articles',
      id: renamed.id,
      data: { slug: 'neuer-name' },
    })

    out = path.join(cms.dir, 'site')
    await astroBuild()
  }, 180_000)
  afterAll(async () => cms?.stop())

  it('renders the seed article with its title, sections, quote and link', () => {
    const html = read(`${articlePath(SLUG)}index.html`)
    expect(html).toContain('<html lang="de">')
    expect(html).toMatch(/<h1>Noch kein Social Media Nutzen für den Mittelstand<\/h1>/)
    expect(html).toMatch(/<h2>Worum geht’s\?<\/h2>/)
    expect(html).toMatch(/<h2>Der Schlüssel: Offenheit und Vertrauen<\/h2>/)
    expect(html).toMatch(
      /<blockquote>[^]*Es brauche eine positive Grundhaltung des Unternehmers[^]*<\/blockquote>/,
    )
    expect(html).toContain(
      'href="http://www.lead-digital.de/aktuell/social_media/social_media_kein_nutzen_fuer_den_Mittelstand"',
    )
    expect(html).toMatch(/<time datetime="2013-03-12T09:00:00.000Z">12. März 2013<\/time>/)
    expect(html).toMatch(/\d+ Min\. Lesezeit/)
    // The comment island loads only when it nears the viewport (or at once for a link to a
    // comment, see site/directives/visibleOrHash.ts): no script file up front.
    expect(html).not.toMatch(/<script[^>]+src=/)
    expect(html).toMatch(/<astro-island[^>]+client="visible-or-hash"/)
    expect(html).toContain('astro:visible-or-hash')
    expect(html).toContain('Hinterlasse einen Kommentar')
  })

  it('keeps the seed article with 500 comments under 30 KB gzipped, HTML and CSS', () => {
    const html = read(`${articlePath(SLUG)}index.html`)
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => read(m[1]!))
    const gz = (text: string) => gzipSync(text).length
    const total = gz(html) + css.reduce((sum, file) => sum + gz(file), 0)
    const rest = gz(html.replace(/<astro-island[^]*<\/astro-island>/, ''))
    console.log(
      `seed article, 500 comments: ${(total / 1024).toFixed(1)} KB gz (HTML ${(gz(html) / 1024).toFixed(1)} KB, ${css.length} CSS files; without the comment section ${(rest / 1024).toFixed(1)} KB)`,
    )
    expect(total).toBeLessThan(PAGE_BUDGET)
    // What the unit test (CommentSection.budget.test.tsx) allows for the page around the comments.
    expect(rest).toBeLessThan(REST_OF_PAGE)
    // Page 1 of the comments (10 threads of 10), each body once: not again in the island's props.
    expect(html.match(/<article id="kommentar-/g)).toHaveLength(100)
    expect(html.split(replyText)).toHaveLength(2)
  })

  it('writes the other comment pages for readers without JavaScript, linked from the article', () => {
    expect(read(`${articlePath(SLUG)}index.html`)).toContain(
      `<a href="${articlePath(SLUG)}kommentare/2/" rel="next">Neuere Kommentare</a>`,
    )
    const page = (n: number) => `${articlePath(SLUG)}kommentare/${n}/`
    const second = read(`${page(2)}index.html`)
    expect(second).toContain(`<a href="${articlePath(SLUG)}">Noch kein Social Media Nutzen`)
    expect(second).toContain(`<a href="${articlePath(SLUG)}#kommentare" rel="prev">`)
    expect(second).toContain(`<a href="${page(3)}" rel="next">`)
    expect(second).toContain('Seite 2 von 5')
    // Threads 11 to 20, with their replies; no script: the island is only rendered here.
    const shown = [
      ...second.matchAll(/<li class="comment-thread"><article id="kommentar-([^"]+)"/g),
    ]
    expect(shown.map((m) => m[1])).toContain(threads[10])
    expect(second).toContain(`id="${commentAnchor(threads[19]!)}"`)
    expect(second).not.toContain(`id="${commentAnchor(threads[20]!)}"`)
    expect(second).not.toMatch(/<script|<astro-island/)
    expect(read(`${page(5)}index.html`)).not.toContain('rel="next"')
    expect(fs.existsSync(path.join(out, page(6)))).toBe(false)
    expect(fs.existsSync(path.join(out, page(1)))).toBe(false)
  })

  it('puts a form token of the build into the static comment forms, old enough to post with', async () => {
    const tokenIn = (file: string) =>
      /<input type="hidden" name="formToken" value="([^"]+)"/.exec(read(file))?.[1]
    const token = tokenIn(`${articlePath(SLUG)}index.html`)
    expect(formTokenTime(token)).toEqual(expect.any(Number))
    expect(tokenIn(`${articlePath(SLUG)}kommentare/2/index.html`)).toBe(token)
    // The build just ran; a reader of its page writes for longer than MIN_FILL_MS.
    const age = Date.now() - formTokenTime(token)!
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, MIN_FILL_MS + 50 - age)))
    const answer = await fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        name: 'Ohne Skript',
        email: 'statisch@example.de',
        body: 'Mit dem Token aus dem Build geschrieben.',
        consent: 'on',
        formToken: token!,
        homepage: '',
      }).toString(),
    })
    expect(answer.status).toBe(303)
    const stored = await cms.payload.find({
      collection: 'comments',
      where: { authorEmail: { equals: 'statisch@example.de' } },
    })
    expect(stored.docs[0]).toMatchObject({ status: 'pending', spamReason: null })
  })

  it('carries SEO and sharing data: canonical, description, OpenGraph, Twitter card, JSON-LD, share links', () => {
    const html = read(`${articlePath(SLUG)}index.html`)
    const url = `https://blog.example.de${articlePath(SLUG)}`
    expect(html).toContain(`<link rel="canonical" href="${url}">`)
    expect(html).toMatch(/<meta name="description" content="Eine Studie unter 400 Mittelständlern/)
    expect(html).toContain(`<meta property="og:url" content="${url}">`)
    expect(html).toContain('<meta property="og:type" content="article">')
    expect(html).toContain(
      `<meta property="og:image" content="https://blog.example.de/og/${SLUG}.png">`,
    )
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">')
    const jsonLd = JSON.parse(
      /<script type="application\/ld\+json">(.+?)<\/script>/.exec(html)![1]!,
    ) as Record<string, unknown>
    expect(jsonLd).toMatchObject({
      '@type': 'Article',
      headline: 'Noch kein Social Media Nutzen für den Mittelstand',
      datePublished: '2013-03-12T09:00:00.000Z',
      mainEntityOfPage: url,
    })
    for (const network of ['email', 'linkedin', 'xing', 'x', 'whatsapp'])
      expect(html).toContain(`${cms.url}${apiPaths.share(SLUG, network)}`)
    expect(html).toContain(`value="${url}"`)
    expect(
      fs
        .readFileSync(path.join(out, `og/${SLUG}.png`))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
  })

  it('leaves redirects from the old URLs of a renamed article, without chains', () => {
    for (const old of ['alter-name', 'zwischen-name']) {
      const page = read(`${articlePath(old)}index.html`)
      expect(page).toMatch(/http-equiv="refresh" content="0;url=\/blog\/neuer-name\/"/)
      expect(page).toContain(
        '<link rel="canonical" href="https://blog.example.de/blog/neuer-name/">',
      )
    }
    expect(read(`${articlePath('neuer-name')}index.html`)).toContain('<h1>Umbenannt</h1>')
    // For static hosts: Netlify's and Cloudflare's `_redirects`, and nginx's map (both spellings).
    expect(parseRedirectsFile(read('_redirects'))).toEqual([
      { from: articlePath('alter-name'), to: articlePath('neuer-name') },
      { from: articlePath('zwischen-name'), to: articlePath('neuer-name') },
    ])
    const maps = read('nginx-maps.conf')
    for (const from of ['/blog/alter-name/', '/blog/alter-name', '/blog/zwischen-name'])
      expect(maps).toContain(`"${from}" "/blog/neuer-name/";`)
    expect(read('nginx-headers.conf')).toContain(
      'if ($leuchtturm_redirect) { return 301 $leuchtturm_redirect$is_args$args; }',
    )
  })

  it('precompresses its text files (brotli and gzip) and writes one cache policy per path', () => {
    const page = `${articlePath(SLUG)}index.html`
    expect(brotliDecompressSync(fs.readFileSync(path.join(out, `${page}.br`))).toString()).toBe(
      read(page),
    )
    expect(gunzipSync(fs.readFileSync(path.join(out, `${page}.gz`))).toString()).toBe(read(page))
    expect(fs.statSync(path.join(out, `${page}.br`)).size).toBeLessThan(read(page).length / 3)
    expect(fs.existsSync(path.join(out, 'rss.xml.br'))).toBe(true)
    expect(fs.existsSync(path.join(out, `og/${SLUG}.png.br`))).toBe(false)
    // Every file of the build matches exactly one Cache-Control rule of _headers.
    const policyOf = headerMatcher(parseHeaderRules(read('_headers')))
    const files = fs
      .readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((file) => fs.statSync(path.join(out, file)).isFile())
      .filter((file) => !/\.(br|gz)$/.test(file) && !/^(_headers|_redirects|nginx-.*)$/.test(file))
    const policies = Object.values(CACHE_CONTROL) as string[]
    for (const file of files)
      expect(policies, file).toContain(
        policyOf(`/${file.replace(/index\.html$/, '')}`)['Cache-Control'],
      )
    const css = files.find((file) => file.startsWith('_astro/') && file.endsWith('.css'))!
    expect(policyOf(`/${css}`)['Cache-Control']).toBe(CACHE_CONTROL.immutable)
    expect(policyOf(articlePath(SLUG))['Cache-Control']).toBe(CACHE_CONTROL.page)
    expect(policyOf('/')['Cache-Control']).toBe(CACHE_CONTROL.page)
    expect(policyOf('/rss.xml')['Cache-Control']).toBe(CACHE_CONTROL.short)
    expect(read('nginx-maps.conf')).toContain(`"~^/_astro/.*$" "${CACHE_CONTROL.immutable}";`)
  })

  it('is served by the local static server with 301s, brotli and its cache policy', async () => {
    const server = createStaticServer(() => out)
    await listen(server, 0)
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const moved = await fetch(`${base}/blog/alter-name?ref=alt`, { redirect: 'manual' })
      expect(moved.status).toBe(301)
      expect(moved.headers.get('location')).toBe('/blog/neuer-name/?ref=alt')
      const page = await fetch(`${base}${articlePath(SLUG)}`, {
        headers: { 'accept-encoding': 'br, gzip' },
      })
      expect(page.headers.get('content-encoding')).toBe('br')
      expect(Number(page.headers.get('content-length'))).toBe(
        fs.statSync(path.join(out, `${articlePath(SLUG)}index.html.br`)).size,
      )
      expect(page.headers.get('cache-control')).toBe(CACHE_CONTROL.page)
      expect(await page.text()).toBe(read(`${articlePath(SLUG)}index.html`))
    } finally {
      server.close()
    }
  })

  it('lists articles newest first on the home page, with tag pages, 404, Impressum and Datenschutz', () => {
    const home = read('index.html')
    expect(home.indexOf('Zweiter Beitrag')).toBeGreaterThan(
      home.indexOf('Noch kein Social Media Nutzen'),
    )
    expect(home.indexOf('Noch kein Social Media Nutzen')).toBeGreaterThan(-1)
    expect(read('tags/fuehrung/index.html')).toContain('Zweiter Beitrag')
    expect(read('404.html')).toContain('Seite nicht gefunden')
    expect(read('impressum/index.html')).toContain('Angaben gemäß § 5 DDG')
    expect(read('datenschutz/index.html')).toContain('Datenschutzerklärung')
    for (const page of ['index.html', 'tags/fuehrung/index.html', 'impressum/index.html'])
      expect(read(page)).not.toMatch(/<script/)
    // One: a comment page the build did not make yet forwards to its article (the email's link).
    expect(read('404.html').match(/<script/g)).toHaveLength(1)
  })

  it('writes its security headers for static hosts: every inline script and style hashed, no unsafe-inline', async () => {
    const headers = parseHeadersFile(read('_headers'))
    const csp = headers['Content-Security-Policy'] ?? ''
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain(`connect-src 'self' ${new URL(cms.url).origin}`)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Strict-Transport-Security': 'max-age=31536000', // SITE_URL is https here
    })
    const nginx = read('nginx-headers.conf')
    for (const [name, value] of Object.entries(headers))
      expect(nginx).toContain(`add_header ${name} "${value}" always;`)
    // Every script a browser would run inline, as the browser's parser sees it (happy-dom here).
    const inline = { script: new Set<string>(), style: new Set<string>() }
    for (const file of fs.readdirSync(out, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.html')) continue
      const document = new Window().document
      document.write(read(file))
      for (const script of document.querySelectorAll('script:not([src])'))
        if (!/json$/.test(script.getAttribute('type') ?? '')) inline.script.add(script.textContent)
      for (const style of document.querySelectorAll('style')) inline.style.add(style.textContent)
    }
    expect(inline.script.size).toBeGreaterThan(0)
    for (const [kind, bodies] of Object.entries(inline))
      for (const body of bodies)
        expect(csp, `${kind}: ${body.slice(0, 60)}`).toContain(
          `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
        )
    // The local static server sends exactly that set.
    const server = createStaticServer(() => out)
    await listen(server, 0)
    try {
      const { port } = server.address() as AddressInfo
      const page = await fetch(`http://127.0.0.1:${port}${articlePath(SLUG)}`)
      for (const [name, value] of Object.entries(headers))
        expect(page.headers.get(name), name).toBe(value)
    } finally {
      server.close()
    }
  })

  it('publishes a full-content RSS feed and a sitemap with absolute URLs', () => {
    const feed = read('rss.xml')
    expect(feed).toContain(`<link>https://blog.example.de${articlePath(SLUG)}</link>`)
    expect(feed).toContain('Der Schlüssel: Offenheit und Vertrauen')
    expect(read('sitemap-0.xml')).toContain(`https://blog.example.de${articlePath(SLUG)}`)
  })

  it('never shows a draft, nor the draft edit of a published article, anywhere', () => {
    const everything = allBuiltText()
    expect(everything).not.toContain(DRAFT_MARK)
    expect(everything).not.toContain(DRAFT_EDIT_MARK)
    expect(fs.existsSync(path.join(out, articlePath('entwurf')))).toBe(false)
    expect(read('sitemap-0.xml')).not.toContain(articlePath('entwurf'))
    expect(read('rss.xml')).toContain('Zweiter Beitrag')
  })

  it('rebuilds incrementally: only the changed article is fetched and rendered again', async () => {
    const seed = (
      await cms.payload.find({ collection: 'articles', where: { slug: { equals: SLUG } } })
    ).docs[0]!
    await cms.payload.update({
      collection: 'articles',
      id: seed.id,
      data: { excerpt: 'Neu gefasst.' },
    })
    const output = await astroBuild()
    expect(output).toMatch(/\d+ published articles, 1 fetched/)
    // Unchanged files are not compressed again: their bytes come from the cache.
    const [, compressed, , reused] = /(\d+) compressed, (\d+) fast, (\d+) reused/
      .exec(output)!
      .map(Number)
    expect(reused).toBeGreaterThan(0)
    expect(compressed).toBeLessThan(reused! * 10)
    expect(read('index.html')).toContain('Neu gefasst.')
  }, 120_000)
})
