/**
 * `npm run bench:site`: full and incremental static builds against a local CMS with BENCH_ARTICLES
 * articles (default 1,000). Prints seconds and the peak memory of each `astro build`.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { recordResult, type ResultRow } from '../lib/benchResults'
import { paragraph } from '../lib/lexical'
import { startLocalCms } from '../lib/localCms'

const count = Number(process.env.BENCH_ARTICLES ?? 1000)
const cms = await startLocalCms()
const words = Array.from({ length: 600 }, (_, i) => `Wort${i % 50}`).join(' ')

const rows: ResultRow[] = []
let t = Date.now()
for (let i = 0; i < count; i++) {
  await cms.payload.create({
    collection: 'articles',
    data: {
      title: `Beitrag ${i}`,
      slug: `beitrag-${i}`,
      body: paragraph(words),
      tags: [`Thema ${i % 20}`],
      _status: 'published',
    },
  })
}
const seedSeconds = (Date.now() - t) / 1000
console.log(`seeded ${count} articles in ${seedSeconds.toFixed(1)} s`)

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
    where: { slug: { equals: 'beitrag-0' } },
  })
).docs[0]!
await cms.payload.update({
  collection: 'articles',
  id: first.id,
  data: { title: 'Beitrag 0 (geändert)' },
})
await build('rebuild after one article changed')
await recordResult('siteBuild', rows, {
  title: `Static site build, ${count} articles (\`bench:site\`)`,
  notes: [
    `Seeded ${count} articles in ${seedSeconds.toFixed(1)} s; peak RSS of \`astro build\` (GNU time).`,
  ],
})
await cms.stop()
process.exit(0)
