import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server'
import { appendForwardedFor } from '../../cms/http/clientAddress'
import { withCors } from '../../cms/http/cors'
import { handleEndpoints, type Payload } from 'payload'
import { createPrivateDataFiles } from '../../cms/security/privateFiles'
import { tempEnv } from './tempEnv'

export type LocalCms = {
  url: string
  payload: Payload
  dir: string
  /** the HTTP server (to drain it on a signal, see gracefulShutdown) */
  server: Server
  stop: () => Promise<void>
}

/**
 * Runs the CMS's REST API (Payload's own request handler, without the Next.js admin) on a random
 * port against a fresh database: for tests, the type check and benchmarks, which need the API but
 * not the admin. Once per process: Payload keeps one instance per process.
 */
export async function startLocalCms(
  options: { databaseUri?: string; reuseEnv?: boolean } = {},
): Promise<LocalCms> {
  // reuseEnv: the caller's env already points at a data folder (a restart on the same data).
  const { dir, env, cleanup } = options.reuseEnv
    ? { dir: process.env.DATA_DIR ?? '', env: {}, cleanup: () => {} }
    : tempEnv(options.databaseUri)
  Object.assign(process.env, env)
  createPrivateDataFiles()
  const { default: config } = await import('@payload-config')
  const { openPayload } = await import('../../cms/bootstrap/openPayload')
  const payload = await openPayload()

  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        // The same CORS policy as the Next.js route (cms/app/(payload)/api/[...slug]/route.ts).
        fetch: withCors(async (request, env: HttpBindings | Http2Bindings) =>
          handleEndpoints({
            config,
            request: plainRequest(request, env.incoming.socket.remoteAddress ?? 'unknown'),
          }),
        ),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    )
  })
  const { port } = server.address() as AddressInfo
  // Links in emails point here (read at send time).
  process.env.CMS_URL = `http://127.0.0.1:${port}`
  return {
    url: process.env.CMS_URL,
    payload,
    dir,
    // serve() without http2/https options makes a plain node:http server.
    server: server as Server,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve))
      await payload.destroy()
      cleanup()
    },
  }
}

/**
 * Payload decorates the Request it gets; the node server's own Request class is read-only. The
 * body streams through (the API stops reading an oversized one), and the socket's address is
 * appended to X-Forwarded-For as by `npm start`'s server (cms/http/clientAddress.ts).
 */
function plainRequest(request: Request, peer: string): Request {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  const headers = new Headers(request.headers)
  headers.set('x-forwarded-for', appendForwardedFor(headers.get('x-forwarded-for'), peer))
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? request.body : undefined,
    // @ts-expect-error Node's fetch needs duplex for a streamed body; the DOM types lack it.
    duplex: 'half',
    signal: request.signal,
  })
}
