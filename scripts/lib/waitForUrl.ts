import type { ChildProcess } from 'node:child_process'

/** Polls a URL until it answers 2xx; fails early when the process that should serve it dies. */
export async function waitForUrl(
  url: string,
  options: { timeoutMs?: number; process?: ChildProcess } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000)
  let exited: string | undefined
  options.process?.once('exit', (code, signal) => (exited = signal ?? `exit ${code}`))
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server for ${url} stopped (${exited})`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(
    `${url} did not answer within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s`,
  )
}
