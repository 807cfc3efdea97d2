import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import type { HeaderSet } from '../../contract'
import { HEADERS_FILE, parseHeadersFile } from '../../site/security/siteHeaders'

/**
 * Serves the built static site. `root()` is read per request, so a new build can be switched in
 * atomically by pointing it at another folder. Unknown paths get the site's 404 page. Every
 * answer carries the security headers the build wrote for static hosts (`_headers`), so this
 * server and a static host send the same.
 */
export function createStaticServer(root: () => string): http.Server {
  const sites = new Map<string, { serve: ReturnType<typeof sirv>; headers: HeaderSet }>()
  const siteIn = (dir: string) => {
    let site = sites.get(dir)
    if (!site) {
      site = {
        serve: sirv(dir, { etag: true, dotfiles: false, extensions: ['html'] }),
        headers: headersOf(dir),
      }
      sites.clear()
      sites.set(dir, site)
    }
    return site
  }
  return http.createServer((req, res) => {
    const dir = root()
    const site = siteIn(dir)
    for (const [name, value] of Object.entries(site.headers)) res.setHeader(name, value)
    site.serve(req, res, () => {
      const notFound = path.join(dir, '404.html')
      res.statusCode = 404
      res.setHeader('content-type', 'text/html; charset=utf-8')
      fs.createReadStream(notFound)
        .on('error', () => res.end('Not found'))
        .pipe(res)
    })
  })
}

/** The build's headers; a build without the file (made before it existed) at least refuses framing. */
function headersOf(dir: string): HeaderSet {
  try {
    return parseHeadersFile(fs.readFileSync(path.join(dir, HEADERS_FILE), 'utf8'))
  } catch {
    return {
      'Content-Security-Policy': "frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
    }
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
