/**
 * `npm run bench:island`: the JavaScript an article page loads, gzipped, before and after the
 * comment section comes into view (built site, Debian's Chromium).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { importArticles } from '../../cms/content/importArticles'
import { recordResult } from '../lib/benchResults'
import { launchChromium } from '../lib/chromium'
import { startLocalCms } from '../lib/localCms'
import { createStaticServer, listen } from '../lib/staticServer'

const SITE_PORT = 4499
process.env.SITE_URL = `http://localhost:${SITE_PORT}`
const cms = await startLocalCms()
await importArticles(cms.payload, path.resolve('content/articles'))
const out = path.join(cms.dir, 'site')
await new Promise<void>((resolve, reject) => {
  const build = spawn('astro', ['build'], {
    env: { ...process.env, CMS_URL: cms.url, SITE_OUT_DIR: out },
    stdio: 'ignore',
  })
  build.on('exit', (code) =>
    code === 0 ? resolve() : reject(new Error(`astro build failed (${code})`)),
  )
})
const server = createStaticServer(() => out)
await listen(server, SITE_PORT)

const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
const scripts: { url: string; gz: number; raw: number }[] = []
page.on('response', async (response) => {
  if (response.request().resourceType() !== 'script') return
  const body = await response.body()
  scripts.push({ url: response.url(), raw: body.length, gz: gzipSync(body).length })
})
await page.goto(`${process.env.SITE_URL}/blog/social-media-nutzen-mittelstand/`, {
  waitUntil: 'networkidle',
})
const inline = await page.$$eval('script:not([src])', (nodes) =>
  nodes.map((n) => n.textContent ?? ''),
)
const inlineGz = gzipSync(inline.join('\n')).length
const before = scripts.reduce((sum, s) => sum + s.gz, 0)
await page.locator('#kommentare').scrollIntoViewIfNeeded()
await page.waitForSelector('#kommentare astro-island:not([ssr])')
await page.waitForLoadState('networkidle')
const after = scripts.reduce((sum, s) => sum + s.gz, 0)

console.log(`inline (Astro's island loader, in the HTML): ${inlineGz} B gzipped`)
console.log(`script files before the comments near the viewport: ${before} B gzipped`)
console.log(`script files after: ${after} B gzipped, in ${scripts.length} files:`)
for (const s of scripts)
  console.log(
    `  ${(s.gz / 1024).toFixed(1)} KB gz (${(s.raw / 1024).toFixed(1)} KB)  ${new URL(s.url).pathname}`,
  )
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1))
await recordResult(
  'islandBytes',
  [
    { measure: 'inline island loader (in the HTML)', 'KB gzipped': kb(inlineGz) },
    { measure: 'script files before the comments near the viewport', 'KB gzipped': kb(before) },
    {
      measure: 'script files after the comment island hydrated',
      'KB gzipped': kb(after),
      files: scripts.length,
    },
    ...scripts.map((s) => ({
      measure: `file ${new URL(s.url).pathname}`,
      'KB gzipped': kb(s.gz),
      'KB raw': kb(s.raw),
    })),
  ],
  { title: 'Article page JavaScript (`bench:island`)' },
)
await browser.close()
server.close()
await cms.stop()
process.exit(0)
