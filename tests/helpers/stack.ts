import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { childEnv } from '../../scripts/lib/configVariables'
import { tempEnv } from '../../scripts/lib/tempEnv'
import { TEST_RATE_LIMITS } from './testRateLimits'

export type Stack = {
  site: string
  cms: string
  env: Record<string, string>
  output: () => string
  stop: () => Promise<number | null>
  cleanup: () => void
}

export const EDITOR = { email: 'redaktion@example.de', password: 'leuchtturm-test-pw' }

/**
 * `npm start` as a user runs it, on a fresh data folder and the given ports; resolves once both
 * URLs are printed; the stack's env is all its configuration, nothing comes from the caller's
 * shell. Call `start` again with the same stack's env to restart on the same data.
 */
export function startStack(
  ports: { cms: number; site: number },
  reuse?: Stack,
  extraEnv: Record<string, string> = {},
): Promise<Stack> {
  const temp = reuse ? undefined : tempEnv()
  const env = reuse?.env ?? {
    ...temp!.env,
    CMS_PORT: String(ports.cms),
    SITE_PORT: String(ports.site),
    SITE_OUT_DIR: path.join(temp!.dir, 'site'),
    ADMIN_EMAIL: EDITOR.email,
    ADMIN_PASSWORD: EDITOR.password,
    LOG_LEVEL: 'warn',
    RATE_LIMITS: TEST_RATE_LIMITS,
    ...extraEnv,
  }
  const child: ChildProcess = spawn('tsx', ['scripts/start.ts'], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const stack: Stack = {
    site: `http://localhost:${ports.site}`,
    cms: `http://localhost:${ports.cms}`,
    env,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      }),
    cleanup: reuse?.cleanup ?? temp!.cleanup,
  }
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Ctrl-C stops both')) {
        clearInterval(timer)
        resolve(stack)
      }
    }, 200)
    child.once('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`npm start exited (${code}):\n${output}`))
    })
  })
}
