import { spawn, type ChildProcess } from 'node:child_process'
import { childEnv } from '../../scripts/lib/configVariables'
import { TEST_RATE_LIMITS } from './testRateLimits'

/**
 * The CMS (REST API and jobs queue) in a child process on the given env, so a test can kill it
 * mid-work (SIGKILL, like a crash) and start it again on the same data. `env` is all the
 * configuration it gets (LOG_LEVEL warn and the tests' generous RATE_LIMITS unless given),
 * nothing from the caller's shell.
 */
export function startCmsProcess(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; kill: () => Promise<void> }> {
  // One process (node with tsx's loader, not the tsx wrapper): SIGKILL must take down the CMS itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/cmsProcessMain.ts'], {
    env: childEnv({ LOG_LEVEL: 'warn', RATE_LIMITS: TEST_RATE_LIMITS, ...env }),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /CMS_URL=(\S+)/.exec(output)?.[1]
      if (url)
        resolve({
          url,
          child,
          kill: () =>
            new Promise((done) =>
              child.exitCode !== null || child.signalCode !== null
                ? done()
                : (child.once('exit', () => done()), child.kill('SIGKILL')),
            ),
        })
    })
    child.once('exit', (code) => reject(new Error(`CMS process exited (${code}): ${output}`)))
  })
}
