import { spawn } from 'node:child_process'
import { childEnv } from '../../scripts/lib/configVariables'

export type ScriptResult = { code: number | null; stdout: string; stderr: string }

/**
 * Runs `tsx <script> ...args` as a user would through npm, capturing its output. Its configuration
 * is `env` (LOG_LEVEL warn unless given), nothing from the caller's shell.
 */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('tsx', [script, ...args], {
      env: childEnv({ LOG_LEVEL: 'warn', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
