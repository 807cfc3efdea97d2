import { spawn, type ChildProcess } from 'node:child_process'

const children = new Set<ChildProcess>()

export type RunOptions = { env?: Record<string, string>; quiet?: boolean }

const bin = (name: string) => (process.platform === 'win32' ? `${name}.cmd` : name)

/** Starts a long-running child (node_modules/.bin is on PATH under npm run). */
export function startProcess(
  command: string,
  args: string[],
  options: RunOptions = {},
): ChildProcess {
  const child = spawn(bin(command), args, {
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...options.env },
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  return child
}

/** Runs a command to completion; rejects with its output tail when it fails. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startProcess(command, args, options)
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)))
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${output ? `\n${output}` : ''}`,
          ),
        )
    })
  })
}

/** Stops every child this process started, then exits; wired to SIGINT and SIGTERM. */
export function stopOnSignals(cleanup: () => Promise<void> | void = () => {}): void {
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping …`)
    await cleanup()
    await Promise.all(
      [...children].map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
            child.once('exit', () => {
              clearTimeout(timer)
              resolve()
            })
            child.kill('SIGTERM')
          }),
      ),
    )
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
