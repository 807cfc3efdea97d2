import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import type { HeaderSet } from '../../contract'
import {
  HEADERS_FILE,
  headerMatcher,
  parseHeaderRules,
  type HeaderRule,
} from '../../site/security/siteHeaders'
import { isHostFile } from '../../site/serving/hostFiles'
import { parseRedirectsFile, redirectLookup, REDIRECTS_FILE } from '../../site/serving/redirects'
import { negotiateEncoding } from './acceptEncoding'

type Site = {
  serve: ReturnType<typeof sirv>
  headersFor: (pathname: string) => HeaderSet
  redirects: Map<string, string>
}

/**
 * Serves the built static site as a static host would, from what the build wrote for them.
 * `root()` is read per request, so a new build can be switched in atomically by pointing it at
 * another folder (each folder's files are read once). Every answer (also 301 and 404) carries the
 * headers `_headers` gives its path: the security headers everywhere, Cache-Control per kind. An
 * old URL in `_redirects` answers 301. The build's `.br`/`.gz` files are sent to clients accepting
 * them (Vary: Accept-Encoding); unknown paths get the site's 404 page.
 */
export function createStaticServer(root: () => string): http.Server {
  const sites = new Map<string, Site>()
  const siteIn = (dir: string) => {
    let site = sites.get(dir)
    if (!site) {
      site = {
        serve: sirv(dir, {
          etag: true,
          dotfiles: false,
          extensions: ['html'],
          brotli: true,
          gzip: true,
        }),
        headersFor: headerMatcher(headerRulesOf(dir)),
        redirects: redirectLookup(readRedirects(dir)),
      }
      sites.clear()
      sites.set(dir, site)
    }
    return site
  }
  return http.createServer((req, res) => {
    const dir = root()
    const site = siteIn(dir)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const pathname = safeDecode(url.pathname)
    for (const [name, value] of Object.entries(site.headersFor(pathname)))
      res.setHeader(name, value)
    const target = site.redirects.get(pathname)
    if (target) {
      res.writeHead(301, { location: target + url.search, 'content-length': 0 })
      return res.end()
    }
    // Also on a 304, which sirv answers before it sets Vary itself.
    res.setHeader('Vary', 'Accept-Encoding')
    const encoding = negotiateEncoding(req.headers['accept-encoding'])
    req.headers['accept-encoding'] = encoding === 'identity' ? '' : encoding
    const notFound = () => {
      const notFound = path.join(dir, '404.html')
      res.statusCode = 404
      res.setHeader('content-type', 'text/html; charset=utf-8')
      fs.createReadStream(notFound)
        .on('error', () => res.end('Not found'))
        .pipe(res)
    }
    // Like static hosts, never serve the files that configure them.
    if (isHostFile(pathname.slice(1))) return notFound()
    site.serve(req, res, notFound)
  })
}

const safeDecode = (pathname: string) => {
  try {
    return decodeURI(pathname)
  } catch {
    return pathname
  }
}

/** A build without `_headers` (made before it existed) at least refuses framing. */
const FALLBACK_HEADERS: HeaderSet = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
}

function headerRulesOf(dir: string): HeaderRule[] {
  try {
    return parseHeaderRules(fs.readFileSync(path.join(dir, HEADERS_FILE), 'utf8'))
  } catch {
    return [{ path: '/*', headers: FALLBACK_HEADERS }]
  }
}

function readRedirects(dir: string) {
  try {
    return parseRedirectsFile(fs.readFileSync(path.join(dir, REDIRECTS_FILE), 'utf8'))
  } catch {
    return []
  }
}

export function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is in use (set SITE_PORT to use another)`)
          : error,
      ),
    )
    server.listen(port, resolve)
  })
}
