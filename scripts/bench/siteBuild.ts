/**
 * `npm run bench:site`: full and incremental static builds against a local CMS with BENCH_ARTICLES
 * articles (default 1,000) with BENCH_COMMENTS approved comments each (default 20), seeded as for
 * `bench:publish`. Prints seconds and the peak memory of each `astro build`.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { recordResult, type ResultRow } from '../lib/benchResults'
import { startLocalCms } from '../lib/localCms'
import { seedNote } from './lib/publishRows'
import { seededDatabase } from './lib/seededDatabase'
import { seedSlug, seedTitle } from './lib/seedRows'

const count = Number(process.env.BENCH_ARTICLES ?? 1000)
const commentsEach = Number(process.env.BENCH_COMMENTS ?? 20)
// The same database as `bench:publish` (and its cache).
const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-bench-site-'))
const dbFile = path.join(dbDir, 'bench.db')
const seed = await seededDatabase(dbFile, count, commentsEach)
console.log(seedNote(seed))
const cms = await startLocalCms({ databaseUri: `file:${dbFile}` })

const rows: ResultRow[] = []
let t = Date.now()
const env = {
  ...process.env,
  CMS_URL: cms.url,
  SITE_OUT_DIR: path.join(cms.dir, 'site'),
  ASTRO_CACHE_DIR: path.join(cms.dir, 'cache'),
}
/** Runs `astro build` (async: the CMS answers from this same process) under GNU time for peak RSS. */
async function build(label: string) {
  t = Date.now()
  const child = spawn('/usr/bin/time', ['-f', '%M', 'astro', 'build'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) throw new Error(stderr)
  const peakKb = Number(stderr.trim().split('\n').at(-1))
  const pages = fs.readdirSync(path.join(env.SITE_OUT_DIR, 'blog')).length
  const seconds = (Date.now() - t) / 1000
  console.log(
    `${label}: ${seconds.toFixed(1)} s, ${pages} article pages, peak ${(peakKb / 1024).toFixed(0)} MB`,
  )
  rows.push({
    measure: label,
    seconds: Number(seconds.toFixed(1)),
    'article pages': pages,
    'peak RSS MB': Math.round(peakKb / 1024),
  })
}

await build(`full build, ${count} articles`)
const first = (
  await cms.payload.find({
    collection: 'articles',
    limit: 1,
    where: { slug: { equals: seedSlug(0) } },
  })
).docs[0]!
await cms.payload.update({
  collection: 'articles',
  id: first.id,
  data: { title: `${seedTitle(0)} (geändert)` },
})
await build('rebuild after one article changed')
await recordResult('siteBuild', rows, {
  title: `Static site build, ${count} articles × ${commentsEach} comments (\`bench:site\`)`,
  notes: [seedNote(seed), 'Peak RSS of `astro build` (GNU time).'],
})
await cms.stop()
fs.rmSync(dbDir, { recursive: true, force: true })
process.exit(0)
