import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { withBuildLock } from './buildLock'

let root: string
let cacheDir: string
let lock: string
let other: ChildProcess // a live process that holds nothing

const writeLock = (content: string, ageMs = 0) => {
  fs.mkdirSync(cacheDir, { recursive: true })
  fs.writeFileSync(lock, content)
  const touched = new Date(Date.now() - ageMs)
  fs.utimesSync(lock, touched, touched)
}
const deadPid = async () => {
  const child = spawn(process.execPath, ['-e', ''])
  await new Promise((resolve) => child.once('exit', resolve))
  return child.pid!
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-lock-'))
  other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  await new Promise((resolve) => other.once('spawn', resolve))
})
afterAll(() => {
  other.kill()
  fs.rmSync(root, { recursive: true, force: true })
})
beforeEach((context) => {
  cacheDir = path.join(root, context.task.id)
  lock = path.join(cacheDir, 'build.lock')
})

describe('withBuildLock', () => {
  it('runs two holders in one process one after another', async () => {
    const events: string[] = []
    const hold = (name: string) =>
      withBuildLock(cacheDir, async () => {
        events.push(`${name} in`)
        await sleep(200)
        events.push(`${name} out`)
        return name
      })
    expect(await Promise.all([hold('a'), hold('b')])).toEqual(['a', 'b'])
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out'])
    expect(fs.existsSync(lock)).toBe(false)
  })

  it('takes over a lock left by a process that died', async () => {
    writeLock(String(await deadPid()))
    expect(await withBuildLock(cacheDir, async () => fs.readFileSync(lock, 'utf8'), 2000)).toBe(
      String(process.pid),
    )
  })

  it('waits for a live other process and then gives up naming it', async () => {
    writeLock(String(other.pid))
    const started = Date.now()
    await expect(withBuildLock(cacheDir, async () => 'ran', 500)).rejects.toThrow(
      `another build (process ${other.pid}) still holds ${lock}`,
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(500)
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(other.pid))
  })

  it('takes over a lock nobody touched for staleMs, even when its pid is alive (reused)', async () => {
    writeLock(String(other.pid), 2000)
    expect(await withBuildLock(cacheDir, async () => 'ran', 500, 1000)).toBe('ran')
  })

  it('takes over an empty lock file (its writer died before writing) once stale', async () => {
    writeLock('', 2000)
    expect(await withBuildLock(cacheDir, async () => 'ran', 500, 1000)).toBe('ran')
  })

  it('keeps its lock fresh while it holds it longer than staleMs', async () => {
    const events: string[] = []
    const hold = (name: string) =>
      withBuildLock(
        cacheDir,
        async () => {
          events.push(`${name} in`)
          await sleep(name === 'long' ? 1500 : 0)
          events.push(`${name} out`)
        },
        5000,
        600,
      )
    await Promise.all([hold('long'), sleep(100).then(() => hold('next'))])
    expect(events).toEqual(['long in', 'long out', 'next in', 'next out'])
  })

  it('removes the lock file when fn throws', async () => {
    await expect(
      withBuildLock(cacheDir, async () => {
        throw new Error('build broke')
      }),
    ).rejects.toThrow('build broke')
    expect(fs.existsSync(lock)).toBe(false)
    expect(await withBuildLock(cacheDir, async () => 'again', 500)).toBe('again')
  })
})
