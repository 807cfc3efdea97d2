import { processTree, rssBytes } from '../../lib/processTree'

export type MemoryPhases = {
  /** Starts a phase, its peak kept under `name` (a name used again keeps the higher peak). */
  phase: (name: string) => void
  /** Peak summed RSS of the descendants in the phase, in MB (null when never sampled). */
  peakMb: (name: string) => number | null
  stop: () => void
}

/**
 * Samples the summed resident memory of this process's descendants (an `astro build` child, a
 * build worker, their own children) every `intervalMs` from /proc, and keeps the peak per phase.
 */
export function sampleDescendants(intervalMs = 100): MemoryPhases {
  const peaks = new Map<string, number>()
  let current = 'start'
  const sample = () => {
    const bytes = processTree(process.pid)
      .slice(1) // the bench itself (with the CMS in it) is not a build
      .reduce((sum, pid) => sum + rssBytes(pid), 0)
    peaks.set(current, Math.max(peaks.get(current) ?? 0, bytes))
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    phase: (name) => {
      sample()
      current = name
      sample()
    },
    peakMb: (name) => {
      const bytes = peaks.get(name)
      return bytes === undefined ? null : Math.round(bytes / 2 ** 20)
    },
    stop: () => clearInterval(timer),
  }
}
