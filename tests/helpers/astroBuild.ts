import { spawn } from 'node:child_process'
import { childEnv } from '../../scripts/lib/configVariables'

/**
 * `astro build` in its own process against a CMS, with exactly this configuration; resolves with
 * its output (rejects with it when the build fails).
 */
export const astroBuild = (env: {
  CMS_URL: string
  SITE_OUT_DIR: string
  ASTRO_CACHE_DIR: string
  SITE_URL?: string
}) =>
  new Promise<string>((resolve, reject) => {
    const child = spawn('astro', ['build'], {
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`astro build failed (exit ${code}):\n${text}`)),
    )
  })

// eslint-disable-next-line no-control-regex -- the escape is what the colours start with
const ANSI_COLOR = /\x1b\[[0-9;]*m/g

/** The files a build's output says it rendered (kept pages are not Astro's), e.g. `/blog/x/index.html`. */
export const renderedFiles = (output: string): string[] =>
  output
    .replace(ANSI_COLOR, '')
    .split('\n')
    .filter((line) => /[├└]─ \//.test(line))
    .map((line) => /[├└]─ (\/\S+)/.exec(line)![1]!)
    .sort()
