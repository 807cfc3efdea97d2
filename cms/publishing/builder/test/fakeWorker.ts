/**
 * A stand-in for worker.ts in the builder's tests: speaks the same protocol without Astro. It writes
 * `build.json` (its pid, start and end time) into outDir; the folder name's first word (before a
 * `-`) asks for the rest: `slow` sleeps 300 ms, `fail` reports a failed build, `die` logs and exits
 * with code 3 mid-build, `bigrss` reports 1 TB of memory, `hangup` closes its IPC channel after
 * the build and exits 2 s later.
 */
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
// Types only: loading zod would double this process's start.
import type { BuildRequest, WorkerMessage } from '../protocol'

export type FakeBuild = { pid: number; startedAt: number; endedAt: number }

const send = (message: WorkerMessage) => process.send?.(message)

process.on('message', async (message) => {
  const { id, outDir } = message as BuildRequest
  const name = path.basename(outDir)
  const mode = name.split('-')[0]
  const startedAt = Date.now()
  if (mode === 'slow') await sleep(300)
  if (mode === 'die') {
    console.error(`fake build dies in ${name}`)
    process.exit(3)
  }
  if (mode === 'fail') {
    console.error(`fake build log for ${name}`)
    send({ id, ok: false, error: `fake error in ${name}` })
    return
  }
  fs.mkdirSync(outDir, { recursive: true })
  const build: FakeBuild = { pid: process.pid, startedAt, endedAt: Date.now() }
  fs.writeFileSync(path.join(outDir, 'build.json'), JSON.stringify(build))
  send({ id, ok: true, rssBytes: mode === 'bigrss' ? 1e12 : process.memoryUsage().rss })
  // A process whose IPC channel broke while idle: it lingers a while before it exits.
  if (mode === 'hangup') {
    process.removeAllListeners('disconnect')
    process.disconnect()
    setTimeout(() => process.exit(0), 2000)
  }
})
process.on('disconnect', () => process.exit(0))
send({ ready: true })
