import type { Server } from 'node:http'
import { openPayloads, stopJobs } from '../../cms/bootstrap/stopJobs'

/**
 * How long a stop waits for running requests and jobs: within the 10 s `npm start`'s supervisor
 * gives a child (scripts/lib/processes.ts). What is cut after it, a restart resumes.
 */
export const GRACE_MS = 8_000

/**
 * Stops taking connections and resolves once every running request is answered: idle keep-alive
 * connections are closed as they become idle, and after `graceMs` every connection is.
 */
export function drainServer(server: Server, graceMs = GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100)
    const cut = setTimeout(() => server.closeAllConnections(), graceMs)
    server.close(() => {
      clearInterval(idle)
      clearTimeout(cut)
      resolve()
    })
    server.closeIdleConnections()
  })
}

/**
 * On SIGTERM or SIGINT (once): the server takes no new requests and answers the running ones, the
 * jobs queue starts no new job and finishes the running ones, then `close` (the web framework)
 * and Payload's database close, and the process exits 0 (1 when a step failed).
 */
export function exitGracefully(server: Server, close: () => Promise<void> = async () => {}): void {
  let stopping = false
  const stop = async () => {
    const payloads = openPayloads()
    await Promise.all([drainServer(server), ...payloads.map((p) => stopJobs(p, GRACE_MS))])
    await close()
    await Promise.all(payloads.map((p) => p.destroy()))
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error)
          process.exit(1)
        },
      )
    })
}
