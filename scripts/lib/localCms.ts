import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { handleEndpoints, type Payload } from 'payload'
import { tempEnv } from './tempEnv'

export type LocalCms = { url: string; payload: Payload; dir: string; stop: () => Promise<void> }

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
  const { default: config } = await import('@payload-config')
  const { openPayload } = await import('../../cms/bootstrap/openPayload')
  const payload = await openPayload()

  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: async (request) => handleEndpoints({ config, request: await plainRequest(request) }),
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
    stop: async () => {
      await new Promise((resolve) => server.close(resolve))
      await payload.destroy()
      cleanup()
    },
  }
}

/** Payload decorates the Request it gets; the node server's own Request class is read-only. */
async function plainRequest(request: Request): Promise<Request> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
  })
}
