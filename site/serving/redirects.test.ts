import { describe, expect, it } from 'vitest'
import {
  nginxRedirectMap,
  parseRedirectsFile,
  planRedirects,
  redirectLookup,
  redirectPage,
  redirectsFile,
} from './redirects'

const noPages = () => false

describe('planRedirects', () => {
  it('flattens chains: every old URL leads straight to the newest', () => {
    const { redirects } = planRedirects(
      [
        { from: '/blog/a/', to: '/blog/b/' },
        { from: '/blog/b/', to: '/blog/c/' },
        { from: '/blog/c/', to: '/blog/d/' },
      ],
      noPages,
    )
    expect(redirects).toEqual([
      { from: '/blog/a/', to: '/blog/d/' },
      { from: '/blog/b/', to: '/blog/d/' },
      { from: '/blog/c/', to: '/blog/d/' },
    ])
  })

  it('drops a redirect from a path the build has a page at (an article took the slug again)', () => {
    const { redirects } = planRedirects(
      [
        { from: '/blog/a/', to: '/blog/b/' },
        { from: '/blog/b/', to: '/blog/c/' },
      ],
      (path) => path === '/blog/b/',
    )
    expect(redirects).toEqual([{ from: '/blog/a/', to: '/blog/b/' }])
  })

  it('writes paths with their trailing slash, drops loops and skips what would break the files', () => {
    const { redirects, skipped } = planRedirects(
      [
        { from: '/blog/ohne', to: '/blog/mit' },
        { from: '/blog/x/', to: '/blog/y/' },
        { from: '/blog/y/', to: '/blog/x/' },
        { from: '/blog/leer zeichen/', to: '/blog/a/' },
        { from: '/blog/z/', to: '/blog/a/"; return 200' },
        { from: '/feed.xml', to: 'https://example.de/rss.xml' },
        { from: '/blog/../../etc/', to: '/blog/a/' },
      ],
      noPages,
    )
    expect(redirects).toEqual([
      { from: '/blog/ohne/', to: '/blog/mit/' },
      { from: '/feed.xml', to: 'https://example.de/rss.xml' },
    ])
    expect(skipped.map((entry) => entry.from)).toEqual([
      '/blog/leer zeichen/',
      '/blog/z/',
      '/blog/../../etc/',
    ])
  })
})

describe('redirect files', () => {
  const redirects = [
    { from: '/blog/alt/', to: '/blog/neu/' },
    { from: '/feed.xml', to: '/rss.xml' },
  ]

  it('writes _redirects as Netlify and Cloudflare Pages read it, and reads it back', () => {
    const file = redirectsFile(redirects)
    expect(file).toBe('/blog/alt/ /blog/neu/ 301\n/feed.xml /rss.xml 301\n')
    expect(parseRedirectsFile(`# comment\n${file}/x /y 302\n/a /b\n`)).toEqual(redirects)
  })

  it('answers both spellings of an old path', () => {
    const lookup = redirectLookup(redirects)
    expect(lookup.get('/blog/alt/')).toBe('/blog/neu/')
    expect(lookup.get('/blog/alt')).toBe('/blog/neu/')
    expect(lookup.get('/feed.xml')).toBe('/rss.xml')
    expect(lookup.get('/feed.xml/')).toBeUndefined()
  })

  it('writes an nginx map over $uri with both spellings and an empty default', () => {
    expect(nginxRedirectMap(redirects)).toBe(
      'map $uri $leuchtturm_redirect {\n  default "";\n' +
        '  "/blog/alt/" "/blog/neu/";\n  "/blog/alt" "/blog/neu/";\n  "/feed.xml" "/rss.xml";\n}\n',
    )
  })

  it('writes a fallback page that refreshes to the target, with canonical and link', () => {
    const page = redirectPage('/blog/neu/', 'https://blog.example.de')
    expect(page).toContain('<meta http-equiv="refresh" content="0;url=/blog/neu/">')
    expect(page).toContain('<link rel="canonical" href="https://blog.example.de/blog/neu/">')
    expect(page).toContain('<a href="/blog/neu/">')
    expect(page).toContain('<meta name="robots" content="noindex">')
  })
})
