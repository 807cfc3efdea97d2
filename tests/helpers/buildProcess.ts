import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { childEnv } from '../../scripts/lib/configVariables'
import { workerMessage } from '../../cms/publishing/builder/protocol'

const WORKER = path.resolve(import.meta.dirname, '../../cms/publishing/builder/worker.ts')

/**
 * The CMS's long-lived build process (cms/publishing/builder/worker.ts) with exactly this
 * configuration: `build` resolves with a build's output, as astroBuild() does for a CLI build.
 * Its folders must be below the project (see siteBuilder.ts).
 */
export async function startBuildProcess(env: { ASTRO_CACHE_DIR: string }) {
  const child: ChildProcess = fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...childEnv(env), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  // The process's next message; its end before that fails the build.
  const next = () =>
    new Promise<ReturnType<typeof workerMessage.parse>>((resolve, reject) => {
      const ended = (code: number | null) =>
        reject(new Error(`build process ended (exit ${code}):\n${output}`))
      child.once('exit', ended)
      child.once('message', (message) => {
        child.off('exit', ended)
        resolve(workerMessage.parse(message))
      })
    })
  await next() // ready
  let id = 0
  return {
    async build(outDir: string, cmsUrl: string): Promise<string> {
      output = ''
      const answer = next()
      child.send({ id: ++id, outDir, cmsUrl })
      const message = await answer
      if ('ok' in message && !message.ok)
        throw new Error(`build failed: ${message.error}\n${output}`)
      return output
    },
    stop: () => {
      child.kill()
    },
  }
}
