import type { Payload } from 'payload'
import { buildFinishedAfter, waitUntilIdle } from './buildState'
import { descendantCpuSeconds } from './descendantCpu'
import type { MemoryPhases } from './descendantMemory'
import { pollUntil } from './servedSite'

export type Timed = {
  /** from the change to the served site showing it (null: not within the timeout) */
  servedMs: number | null
  /** from the change to the start of the build that finished first after it (debounce, queue) */
  waitMs: number | null
  /** the build's own lastDurationMs */
  buildMs: number | null
  /** peak RSS of the bench's descendants meanwhile */
  peakMb: number | null
  /** CPU seconds the bench's descendants (the build) used meanwhile */
  buildCpuSeconds: number
}

export type Clock = {
  payload: Payload
  memory: MemoryPhases
  /** pause after the site went quiet before a change (see waitUntilIdle) */
  settleMs: number
  /** the longest wait for a change to be served */
  timeoutMs: number
}

/**
 * Times one change from the outside: waits for a quiet site, runs `change`, polls `served`
 * until it holds, then reads the build's own record (`site-build`) for its start and duration.
 */
export async function timeChange(
  clock: Clock,
  phase: string,
  change: () => Promise<void>,
  /** whether the served site shows the change; `since` is the change's ISO time */
  served: (since: string) => boolean | Promise<boolean>,
): Promise<Timed> {
  const { payload, memory } = clock
  await waitUntilIdle(payload, clock.settleMs, 30 * 60_000)
  memory.phase(phase)
  const cpuBefore = descendantCpuSeconds()
  const since = new Date().toISOString()
  const started = Date.parse(since)
  await change()
  const servedMs = await pollUntil(() => served(since), started, clock.timeoutMs)
  // Served first, recorded just after: give the record a moment (none if nothing was served).
  const build = await buildFinishedAfter(payload, since, servedMs === null ? 0 : 60_000)
  const buildStarted = build?.lastStartedAt ? Date.parse(build.lastStartedAt) : null
  const result = {
    servedMs,
    waitMs: buildStarted !== null && buildStarted >= started ? buildStarted - started : null,
    buildMs: build?.lastDurationMs ?? null,
    peakMb: memory.peakMb(phase),
    buildCpuSeconds: descendantCpuSeconds() - cpuBefore,
  }
  memory.phase('between')
  return result
}
