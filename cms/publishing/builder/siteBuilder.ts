import { fork, type ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import path from 'node:path'
import { cmsUrl } from '../../config/urls'
import { workerMessage } from './protocol'

/** The real build process; tests pass a fake speaking the same protocol. */
const WORKER = path.resolve(
  /* turbopackIgnore: true */ process.cwd(),
  'cms/publishing/builder/worker.ts',
)

type Pending = {
  id: number
  /** the process building it: a replaced process's late exit must not fail the next build */
  child: ChildProcess
  resolve: () => void
  reject: (error: Error) => void
}

/**
 * Runs `astro build` in one long-lived process (worker.ts), one build at a time. The process is
 * replaced after a failed build, when it grew past `maxRssBytes` (each build leaves some memory
 * behind), and after a build into a folder outside the project: Astro then bundles every build
 * into the same `.astro/` folder, and a reused process would import the previous build's modules.
 * The replacement starts at once, so it has Astro loaded when the next build comes.
 */
export class SiteBuilder {
  #child: ChildProcess | undefined
  #pending: Pending | undefined
  #log = ''
  #nextId = 1
  #queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly maxRssBytes: number,
    private readonly worker: string = WORKER,
  ) {}

  /** Builds into `outDir` after the builds asked for before. */
  build(outDir: string): Promise<void> {
    const run = this.#queue.then(() => this.#run(outDir))
    this.#queue = run.catch(() => {})
    return run
  }

  /** Whether a build is in flight. */
  get building(): boolean {
    return this.#pending !== undefined
  }

  /** Ends the build process (a build in flight fails). */
  stop(): void {
    const child = this.#child
    this.#child = undefined
    child?.kill()
  }

  /** Starts the process ahead of the first build. */
  warm(): void {
    this.#child ??= this.#spawn()
  }

  #run(outDir: string): Promise<void> {
    // A process whose IPC channel broke is on its way out: sending to it would fail.
    if (this.#child?.connected === false) this.stop()
    this.warm()
    const child = this.#child!
    this.#log = ''
    const id = this.#nextId++
    return new Promise<void>((resolve, reject) => {
      this.#pending = { id, child, resolve, reject }
      child.ref()
      child.send({ id, outDir, cmsUrl: cmsUrl() })
    }).finally(() => {
      child.unref()
      const sharedBundle = !path.resolve(outDir).startsWith(process.cwd() + path.sep)
      if (sharedBundle && this.#child === child) this.#replace()
    })
  }

  /** The build in flight on `child`, taken off so it is settled once. */
  #take(child: ChildProcess, id?: number): Pending | undefined {
    const pending = this.#pending
    if (pending?.child !== child || (id !== undefined && pending.id !== id)) return undefined
    this.#pending = undefined
    return pending
  }

  #replace(): void {
    this.stop()
    this.warm()
  }

  #spawn(): ChildProcess {
    const child = fork(this.worker, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    // Only the current process's output: a replaced one may still be writing its last lines.
    const keepTail = (chunk: Buffer) => {
      if (this.#child === child) this.#log = (this.#log + chunk.toString()).slice(-4000)
    }
    child.stdout?.on('data', keepTail)
    child.stderr?.on('data', keepTail)
    child.on('message', (raw) => {
      const message = workerMessage.safeParse(raw)
      if (!message.success || 'ready' in message.data) return
      const pending = this.#take(child, message.data.id)
      if (!pending) return
      if (message.data.ok) {
        if (message.data.rssBytes > this.maxRssBytes) this.#replace()
        pending.resolve()
      } else {
        const error = new Error(`astro build failed: ${message.data.error}\n${this.#log.trim()}`)
        this.#replace()
        pending.reject(error)
      }
    })
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#child = undefined
      this.#take(child)?.reject(
        new Error(`astro build failed (exit ${code ?? signal}):\n${this.#log.trim()}`),
      )
    })
    // Spawning or sending failed (unhandled, this event would end the CMS): the build fails and
    // the next one gets a new process.
    child.on('error', (error) => {
      if (this.#child === child) this.stop()
      this.#take(child)?.reject(new Error(`astro build failed: ${error.message}`))
    })
    // An idle build process does not keep the CMS (or a script) alive; a build in flight does.
    // Piped stdio are sockets that hold the event loop as well.
    child.unref()
    child.channel?.unref()
    for (const stream of [child.stdout, child.stderr]) (stream as Socket | null)?.unref()
    return child
  }
}
