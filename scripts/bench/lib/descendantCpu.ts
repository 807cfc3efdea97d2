import fs from 'node:fs'
import { processTree } from '../../lib/processTree'

/** Fields of `/proc/<pid>/stat` after the command name; null when the process is gone. */
function stat(pid: number | 'self'): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return text.slice(text.lastIndexOf(')') + 2).split(' ')
  } catch {
    return null
  }
}

/**
 * CPU seconds (user + system) this process's descendants used so far: the finished ones (an
 * `astro build` child, counted in our cutime/cstime once waited for) and the living ones (a build
 * worker). Unlike wall time it hardly depends on what else the machine runs.
 */
export function descendantCpuSeconds(): number {
  const own = stat('self')
  let ticks = own ? Number(own[13]) + Number(own[14]) : 0 // cutime, cstime
  for (const pid of processTree(process.pid).slice(1)) {
    const fields = stat(pid)
    if (fields) ticks += Number(fields[11]) + Number(fields[12]) // utime, stime
  }
  return ticks / 100 // USER_HZ
}
