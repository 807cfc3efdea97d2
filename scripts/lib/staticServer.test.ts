import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headersFile, siteSecurityHeaders } from '../../site/security/siteHeaders'
import { CACHE_CONTROL, cacheRules } from '../../site/serving/cachePolicy'
import { redirectsFile } from '../../site/serving/redirects'
import { negotiateEncoding } from './acceptEncoding'
import { createStaticServer, listen } from './staticServer'

const HEADERS = siteSecurityHeaders({
  siteUrl: 'https://blog.example.de',
  cmsUrl: 'https://cms.example.de',
  hashes: { scripts: ["'sha256-abc='"], styles: [] },
})
const ARTICLE = `<!doctype html><title>Neu</title>${'<p>Ein Absatz über Leuchttürme.</p>'.repeat(200)}`
const BUILD_FILES = ['index.html', '404.html', 'rss.xml', 'blog/neu/index.html', '_astro/a.B1.css']
let root: string
let dir: string
let server: http.Server
let url: string

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'static-server-'))
  for (const build of ['with', 'without']) {
    fs.mkdirSync(path.join(root, build))
    fs.writeFileSync(path.join(root, build, 'index.html'), '<!doctype html><p>hi')
    fs.writeFileSync(path.join(root, build, '404.html'), '<!doctype html><p>nope')
  }
  const at = (file: string) => path.join(root, 'with', file)
  fs.mkdirSync(at('blog/neu'), { recursive: true })
  fs.mkdirSync(at('_astro'))
  fs.writeFileSync(at('blog/neu/index.html'), ARTICLE)
  fs.writeFileSync(at('blog/neu/index.html.br'), brotliCompressSync(ARTICLE))
  fs.writeFileSync(at('blog/neu/index.html.gz'), gzipSync(ARTICLE))
  fs.writeFileSync(at('_astro/a.B1.css'), 'p{color:red}')
  fs.writeFileSync(at('rss.xml'), '<rss/>')
  fs.writeFileSync(at('_headers'), headersFile(HEADERS, cacheRules(BUILD_FILES)))
  fs.writeFileSync(at('_redirects'), redirectsFile([{ from: '/blog/alt/', to: '/blog/neu/' }]))
  dir = path.join(root, 'with')
  server = createStaticServer(() => dir)
  await listen(server, 0)
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(root, { recursive: true, force: true })
})

const get = (pathname: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${url}${pathname}`, { headers, method, redirect: 'manual' })
const expectSecurityHeaders = (response: Response, what: string) => {
  for (const [name, value] of Object.entries(HEADERS))
    expect(response.headers.get(name), `${what}: ${name}`).toBe(value)
}

describe('createStaticServer', () => {
  it('sends the build’s _headers on pages, 404s and conditional answers', async () => {
    dir = path.join(root, 'with')
    const page = await get('/')
    const missing = await get('/gibt-es-nicht/')
    const notModified = await get('/', { 'if-none-match': page.headers.get('etag')! })
    expect([page.status, missing.status, notModified.status]).toEqual([200, 404, 304])
    for (const [what, response] of Object.entries({ page, missing, notModified }))
      expectSecurityHeaders(response, what)
  })

  it('answers an old URL with a 301 to the new one, with or without slash, keeping the query', async () => {
    dir = path.join(root, 'with')
    for (const [old, location] of [
      ['/blog/alt/', '/blog/neu/'],
      ['/blog/alt', '/blog/neu/'],
      ['/blog/alt/?utm_source=x&a=1', '/blog/neu/?utm_source=x&a=1'],
      ['/blog/alt?ref=y', '/blog/neu/?ref=y'],
    ]) {
      const response = await get(old!)
      expect(response.status, old).toBe(301)
      expect(response.headers.get('location'), old).toBe(location)
      expectSecurityHeaders(response, old!)
    }
    expect((await get('/blog/neu/')).status).toBe(200)
  })

  it('serves the precompressed variant the client accepts, identity otherwise', async () => {
    dir = path.join(root, 'with')
    const file = (name: string) => fs.statSync(path.join(dir, 'blog/neu', name)).size
    const cases: [string, string | null, number][] = [
      ['br, gzip', 'br', file('index.html.br')],
      ['gzip, deflate, br;q=0', 'gzip', file('index.html.gz')],
      ['br;q=0.5, gzip', 'gzip', file('index.html.gz')],
      ['*', 'br', file('index.html.br')],
      ['identity', null, file('index.html')],
    ]
    for (const [accept, encoding, length] of cases) {
      const response = await get('/blog/neu/', { 'accept-encoding': accept })
      expect(response.headers.get('content-encoding'), accept).toBe(encoding)
      expect(Number(response.headers.get('content-length')), accept).toBe(length)
      expect(response.headers.get('content-type'), accept).toBe('text/html;charset=utf-8')
      expect(response.headers.get('vary'), accept).toBe('Accept-Encoding')
      // fetch decodes the body: the same page whichever bytes travelled.
      expect(await response.text(), accept).toBe(ARTICLE)
    }
    // Without Accept-Encoding (fetch always sends one): the plain file.
    const bare = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${url}/blog/neu/`, resolve),
    )
    bare.resume()
    expect(bare.headers['content-encoding']).toBeUndefined()
    expect(Number(bare.headers['content-length'])).toBe(file('index.html'))
    const head = await get('/blog/neu/', { 'accept-encoding': 'br' }, 'HEAD')
    expect(head.headers.get('content-encoding')).toBe('br')
    expect(Number(head.headers.get('content-length'))).toBe(file('index.html.br'))
  })

  it('sends the cache policy of _headers per kind, and 304 to a page’s own ETag', async () => {
    dir = path.join(root, 'with')
    const page = await get('/blog/neu/', { 'accept-encoding': 'br' })
    expect(page.headers.get('cache-control')).toBe(CACHE_CONTROL.page)
    expect((await get('/_astro/a.B1.css')).headers.get('cache-control')).toBe(
      CACHE_CONTROL.immutable,
    )
    expect((await get('/rss.xml')).headers.get('cache-control')).toBe(CACHE_CONTROL.short)
    const again = await get('/blog/neu/', {
      'accept-encoding': 'br',
      'if-none-match': page.headers.get('etag')!,
    })
    expect(again.status).toBe(304)
    expect(again.headers.get('cache-control')).toBe(CACHE_CONTROL.page)
    expect(again.headers.get('vary')).toBe('Accept-Encoding')
    // The brotli variant's ETag is not the plain page's.
    const plain = await get('/blog/neu/', { 'if-none-match': page.headers.get('etag')! })
    expect(plain.status).toBe(200)
  })

  it('never serves the files that configure hosts', async () => {
    dir = path.join(root, 'with')
    for (const file of ['/_headers', '/_redirects'])
      expect((await get(file)).status, file).toBe(404)
  })

  it('still refuses framing for a build made before _headers existed', async () => {
    dir = path.join(root, 'without')
    const page = await get('/')
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'")
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('negotiateEncoding', () => {
  it('takes the best accepted encoding, honouring q=0 and *', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip')
    expect(negotiateEncoding('BR;Q=0.1, GZIP;q=0.9')).toBe('gzip')
    expect(negotiateEncoding('*;q=0, identity')).toBe('identity')
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip')
    expect(negotiateEncoding('deflate')).toBe('identity')
    expect(negotiateEncoding('')).toBe('identity')
    expect(negotiateEncoding(undefined)).toBe('identity')
  })
})
