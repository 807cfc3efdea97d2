import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SiteBuilder } from './siteBuilder'
import type { FakeBuild } from './test/fakeWorker'

const FAKE_WORKER = path.resolve(import.meta.dirname, 'test/fakeWorker.ts')
const BUILD_ONCE = path.resolve(import.meta.dirname, 'test/buildOnce.ts')
const LIMIT = 4 * 1024 ** 3

let inside: string // below process.cwd(): the process is kept
let outside: string // in the system's temp folder: the process is replaced
const builders: SiteBuilder[] = []

const folder = (parent: string, name: string) => path.join(parent, name)
const built = (dir: string): FakeBuild =>
  JSON.parse(fs.readFileSync(path.join(dir, 'build.json'), 'utf8')) as FakeBuild
/** Alive; a zombie (an orphaned worker not reaped yet, as in some containers) counts as gone. */
const running = (pid: number) => {
  try {
    process.kill(pid, 0)
    return !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch (error) {
    // no such process; without /proc (not Linux), kill's answer stands
    return (error as NodeJS.ErrnoException).code === 'ENOENT' && process.platform !== 'linux'
  }
}
const until = async (condition: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(() => {
  fs.mkdirSync(path.join(process.cwd(), '.tmp'), { recursive: true })
  inside = fs.mkdtempSync(path.join(process.cwd(), '.tmp', 'site-builder-'))
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'site-builder-'))
})
afterAll(() => {
  fs.rmSync(inside, { recursive: true, force: true })
  fs.rmSync(outside, { recursive: true, force: true })
})
afterAll(() => builders.forEach((builder) => builder.stop()))

const newBuilder = () => {
  const builder = new SiteBuilder(LIMIT, FAKE_WORKER)
  builders.push(builder)
  return builder
}

// Each test has its own builder and folders: they run at once (process starts dominate).
describe.concurrent('SiteBuilder', () => {
  it('runs builds asked for at once one after another', async () => {
    const builder = newBuilder()
    const [a, b] = [folder(inside, 'slow-a'), folder(inside, 'slow-b')]
    await Promise.all([builder.build(a), builder.build(b)])
    expect(built(b).startedAt).toBeGreaterThanOrEqual(built(a).endedAt)
  })

  it('keeps the process between builds into folders inside the project', async () => {
    const builder = newBuilder()
    await builder.build(folder(inside, 'keep-1'))
    await builder.build(folder(inside, 'keep-2'))
    expect(built(folder(inside, 'keep-2')).pid).toBe(built(folder(inside, 'keep-1')).pid)
  })

  it('rejects a failed build with its error and runs the next one in a new process', async () => {
    const builder = newBuilder()
    await builder.build(folder(inside, 'before-fail'))
    await expect(builder.build(folder(inside, 'fail-1'))).rejects.toThrow(
      /^astro build failed: fake error in fail-1/,
    )
    await builder.build(folder(inside, 'after-fail'))
    expect(built(folder(inside, 'after-fail')).pid).not.toBe(
      built(folder(inside, 'before-fail')).pid,
    )
  })

  it('rejects a build whose process died with its exit code and log, and builds again', async () => {
    const builder = newBuilder()
    const dead = builder.build(folder(inside, 'die-1'))
    const next = builder.build(folder(inside, 'after-die'))
    await expect(dead).rejects.toThrow(/astro build failed \(exit 3\):\n.*fake build dies in die-1/)
    await next
    expect(built(folder(inside, 'after-die')).pid).toBeGreaterThan(0)
  })

  it('builds in a new process when the idle one lost its connection', async () => {
    const builder = newBuilder()
    const [hungUp, next] = ['hangup-1', 'after-hangup'].map((n) => folder(inside, n))
    await builder.build(hungUp!)
    await sleep(200)
    await builder.build(next!)
    expect(built(next!).pid).not.toBe(built(hungUp!).pid)
  })

  it('replaces the process after a build into a folder outside the project', async () => {
    const builder = newBuilder()
    const [first, second, third] = ['out-1', 'out-2', 'out-3'].map((n) => folder(outside, n))
    // Asked at once: the next build must not be taken down by the old process's exit.
    await Promise.all([builder.build(first!), builder.build(second!)])
    await builder.build(third!)
    const pids = [first!, second!, third!].map((dir) => built(dir).pid)
    expect(new Set(pids).size).toBe(3)
  })

  it('replaces the process after a build that grew past the memory limit', async () => {
    const builder = newBuilder()
    const [big, after, kept] = ['bigrss-1', 'after-big', 'kept'].map((n) => folder(inside, n))
    await Promise.all([builder.build(big!), builder.build(after!)])
    await builder.build(kept!)
    expect(built(after!).pid).not.toBe(built(big!).pid)
    expect(built(kept!).pid).toBe(built(after!).pid)
  })

  it('ends the process on stop, failing the build in flight', async () => {
    const builder = newBuilder()
    await builder.build(folder(inside, 'before-stop'))
    const { pid } = built(folder(inside, 'before-stop'))
    const inFlight = builder.build(folder(inside, 'slow-stopped'))
    await sleep(100)
    builder.stop()
    await expect(inFlight).rejects.toThrow(/astro build failed \(exit SIGTERM\)/)
    await until(() => !running(pid))
  })

  it('does not keep a script alive once its build is done', async () => {
    const dir = folder(inside, 'once')
    const started = Date.now()
    await promisify(execFile)(process.execPath, ['--import', 'tsx', BUILD_ONCE, FAKE_WORKER, dir], {
      timeout: 20_000,
    })
    expect(Date.now() - started).toBeLessThan(20_000)
    // and the build process goes away with it
    await until(() => !running(built(dir).pid))
  })
})
