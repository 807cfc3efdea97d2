import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'

/**
 * Serves the built static site. `root()` is read per request, so a new build can be switched in
 * atomically by pointing it at another folder. Unknown paths get the site's 404 page.
 */
export function createStaticServer(root: () => string): http.Server {
  const handlers = new Map<string, ReturnType<typeof sirv>>()
  const handlerFor = (dir: string) => {
    let handler = handlers.get(dir)
    if (!handler) {
      handler = sirv(dir, { etag: true, dotfiles: false, extensions: ['html'] })
      handlers.clear()
      handlers.set(dir, handler)
    }
    return handler
  }
  return http.createServer((req, res) => {
    const dir = root()
    handlerFor(dir)(req, res, () => {
      const notFound = path.join(dir, '404.html')
      res.statusCode = 404
      res.setHeader('content-type', 'text/html; charset=utf-8')
      fs.createReadStream(notFound)
        .on('error', () => res.end('Not found'))
        .pipe(res)
    })
  })
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
