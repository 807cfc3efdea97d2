import type { Payload } from 'payload'

/**
 * Stops the jobs queue's runners (no new run starts) and waits for the runs in progress, at most
 * `graceMs`. Returns whether they all finished; whatever a cut run left is resumed on the next start.
 */
export async function stopJobs(payload: Payload, graceMs: number): Promise<boolean> {
  const runners = payload.crons.splice(0)
  for (const runner of runners) runner.stop()
  const deadline = Date.now() + graceMs
  while (runners.some((runner) => runner.isBusy())) {
    if (Date.now() >= deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

type PayloadCache = Map<string, { payload: Payload | null }>

/** Every Payload this process opened: getPayload keeps them on `globalThis._payload`, the Next.js server's too. */
export function openPayloads(): Payload[] {
  const cache = (globalThis as { _payload?: PayloadCache })._payload
  return [...(cache?.values() ?? [])].flatMap((entry) => (entry.payload ? [entry.payload] : []))
}
