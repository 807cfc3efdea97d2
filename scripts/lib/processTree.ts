import fs from 'node:fs'

/**
 * Linux-only views of a running process and its descendants (/proc), for benchmarks: resident
 * memory and CPU time of a server that may fork workers.
 */

/** `/proc/<pid>/stat` fields after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return null // gone meanwhile
  }
}

/** The process and every descendant alive now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const fields = statFields(Number(name))
    if (!fields) continue
    const ppid = Number(fields[1]) // field 4 of stat: after state
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
  }
  const tree: number[] = []
  const queue = [root]
  while (queue.length) {
    const pid = queue.shift()!
    tree.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return tree
}

/** VmRSS of one process in bytes (0 when it is gone). */
export function rssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
    return kb ? Number(kb) * 1024 : 0
  } catch {
    return 0
  }
}

/** User plus system CPU seconds the process tree used so far (living processes only). */
export function cpuSeconds(root: number): number {
  let ticks = 0
  for (const pid of processTree(root)) {
    const fields = statFields(pid)
    if (fields) ticks += Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14, 15)
  }
  return ticks / 100 // USER_HZ is 100 on Linux
}

/** CPU seconds the whole machine spent busy (all cores; /proc/stat without idle and iowait). */
export function machineBusySeconds(): number {
  const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
  // user nice system idle iowait irq softirq steal …
  const busy = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + Number(ticks[i] ?? 0), 0)
  return busy / 100
}

export type RssSampler = {
  /** Peak of the tree's summed RSS since the start or the last `phase()`, in bytes. */
  phasePeak: () => number
  /** Starts a new phase; returns the peak of the one that ended. */
  phase: () => number
  /** Highest summed RSS seen overall, in bytes, and the number of processes then. */
  peak: () => { bytes: number; processes: number; samples: number }
  stop: () => void
}

/** Samples the summed RSS of `root` and its descendants every `intervalMs`. */
export function sampleRss(root: number, intervalMs = 200): RssSampler {
  let peak = { bytes: 0, processes: 0 }
  let phasePeak = 0
  let samples = 0
  const sample = () => {
    const pids = processTree(root)
    const bytes = pids.reduce((sum, pid) => sum + rssBytes(pid), 0)
    samples++
    if (bytes > peak.bytes) peak = { bytes, processes: pids.length }
    phasePeak = Math.max(phasePeak, bytes)
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    phasePeak: () => phasePeak,
    phase: () => {
      sample()
      const ended = phasePeak
      phasePeak = 0
      return ended
    },
    peak: () => ({ ...peak, samples }),
    stop: () => clearInterval(timer),
  }
}

/** Waits until the tree uses less than `busyShare` of one core over `windowMs` (or `timeoutMs` passed). */
export async function waitUntilIdle(
  root: number,
  { busyShare = 0.1, windowMs = 500, timeoutMs = 60_000 } = {},
): Promise<number> {
  const started = Date.now()
  let before = cpuSeconds(root)
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs))
    const now = cpuSeconds(root)
    if ((now - before) / (windowMs / 1000) < busyShare) break
    before = now
  }
  return Date.now() - started
}
