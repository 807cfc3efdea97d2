/**
 * The CMS server, as `npm start` and the comment benchmark run it: `next start cms`, through
 * Next.js's programmatic API (a "custom server") for one reason. Next.js hands a route
 * the client's address only as `X-Forwarded-For`, and sets that header to the socket's address
 * only when the request has none (`??=` in next/dist/server/base-server.js): behind no proxy, a
 * client's own forged header would reach the API as its address and lift every per-client rate
 * limit. This server appends the socket's address to the header, as a proxy does, so its last
 * entry is always the peer that connected (cms/http/clientAddress.ts reads it, with TRUST_PROXY).
 *
 * `--dev` runs `next dev` the same way (`npm run dev`), so a forged header lifts no limit there
 * either; hot reload's websocket goes through this server (`httpServer`).
 *
 * It also adds the security headers to every response (cms/http/securityHeaders.ts): here they
 * are read at run time (HSTS follows CMS_URL), where next.config's `headers()` is fixed at build.
 *
 * Usage: tsx scripts/cms-server.ts [--dev] [--port <n>] [--hostname <host>] (port default CMS_PORT).
 */
import http from 'node:http'
import next from 'next'
import { appendForwardedFor } from '../cms/http/clientAddress'
import { cmsPort, cmsUrl } from '../cms/config/urls'
import { cmsSecurityHeaders, isApiPath } from '../cms/http/securityHeaders'
import { addHeadersOnWrite } from './lib/defaultHeaders'
import { exitGracefully } from './lib/gracefulShutdown'
import { createPrivateDataFiles } from '../cms/security/privateFiles'

// The database (its -wal/-shm follow its mode) and the media folder exist owner-only before the CMS
// opens them. No umask here: the site rebuilds in this process must stay readable by a web server.
createPrivateDataFiles()

const option = (name: string) => {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}
const port = Number(option('port') ?? cmsPort())
const hostname = option('hostname')
const dev = process.argv.includes('--dev')
const securityHeaders = cmsSecurityHeaders(cmsUrl())

const server = http.createServer((req, res) => {
  const forwarded = req.headers['x-forwarded-for']
  req.headers['x-forwarded-for'] = appendForwardedFor(
    Array.isArray(forwarded) ? forwarded.join(', ') : forwarded,
    req.socket.remoteAddress ?? 'unknown',
  )
  addHeadersOnWrite(res, isApiPath(req.url ?? '/') ? securityHeaders.api : securityHeaders.admin)
  void handle(req, res)
})
const app = next({ dir: 'cms', dev, port, httpServer: server, ...(hostname ? { hostname } : {}) })
const handle = app.getRequestHandler()
await app.prepare()

server.listen(port, hostname, () =>
  console.log(
    `CMS (Next.js${dev ? ', dev' : ''}) listening on http://${hostname ?? 'localhost'}:${port}`,
  ),
)
exitGracefully(server, () => app.close())
