import { spawn } from 'node:child_process'
import { cmsUrl } from '../config/urls'
import { newBuildDir, switchSite } from './switchSite'

/**
 * Builds the static site into a new folder with `astro build` (reading this CMS) and switches the
 * served site to it only when the build succeeded; a failed build leaves the old site in place.
 */
export async function buildSite(siteDir: string, keep: number): Promise<{ dir: string }> {
  const dir = newBuildDir(siteDir)
  await new Promise<void>((resolve, reject) => {
    const child = spawn('astro', ['build'], {
      env: { ...process.env, NODE_ENV: 'production', CMS_URL: cmsUrl(), SITE_OUT_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keepTail = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000))
    child.stdout.on('data', keepTail)
    child.stderr.on('data', keepTail)
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`astro build failed (exit ${code}):\n${output.trim()}`)),
    )
  })
  switchSite(siteDir, dir, keep)
  return { dir }
}

/** Asks a static host to build (Netlify, Vercel, Cloudflare Pages … all take a POST). */
export async function callDeployHook(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST' })
  if (!response.ok) throw new Error(`deploy hook answered ${response.status}`)
}
