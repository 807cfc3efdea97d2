/**
 * `npm run bench:publish`: on a site with BENCH_ARTICLES articles (default 1,000) and
 * BENCH_COMMENTS approved comments each (default 20): a full build, then the time from an
 * editor's publish to the new page being served (debounce included).
 */
import fs from 'node:fs'
import path from 'node:path'
import { recordResult } from '../lib/benchResults'
import { eventually } from '../lib/eventually'
import { paragraph } from '../lib/lexical'
import { startLocalCms } from '../lib/localCms'

const articles = Number(process.env.BENCH_ARTICLES ?? 1000)
const commentsEach = Number(process.env.BENCH_COMMENTS ?? 20)
const cms = await startLocalCms()
const siteDir = process.env.SITE_OUT_DIR!
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

let t = Date.now()
const words = Array.from({ length: 600 }, (_, i) => `Wort${i % 50}`).join(' ')
for (let i = 0; i < articles; i++) {
  const article = await cms.payload.create({
    collection: 'articles',
    data: {
      title: `Beitrag ${i}`,
      slug: `beitrag-${i}`,
      body: paragraph(words),
      _status: 'published',
    },
  })
  for (let c = 0; c < commentsEach; c++) {
    await cms.payload.create({
      collection: 'comments',
      context: { bulkImport: true },
      data: {
        article: article.id,
        authorName: `Leser ${c}`,
        authorEmail: `leser${c}@example.de`,
        body: `Kommentar ${c} mit *etwas* Text.`,
        status: 'approved',
        depth: 1,
      },
    })
  }
}
const seededMs = Date.now() - t
console.log(
  `seeded ${articles} articles with ${commentsEach} comments each in ${seconds(seededMs)}`,
)

const state = () => cms.payload.findGlobal({ slug: 'site-build' })
const built = (after: string) =>
  eventually(async () => {
    const build = await state()
    if (build.state === 'failed') throw new Error(build.lastError ?? 'build failed')
    if (build.state !== 'succeeded' || (build.lastFinishedAt ?? '') <= after)
      throw new Error('not yet')
    return build
  }, 900_000)

process.env.SITE_AUTO_REBUILD = 'true'
process.env.REBUILD_DEBOUNCE_MS = process.env.REBUILD_DEBOUNCE_MS ?? '3000'
const { requestRebuild } = await import('../../cms/publishing/requestRebuild')
let since = new Date().toISOString()
await requestRebuild(cms.payload, undefined, 0)
const full = await built(since)
console.log(
  `full build of ${articles} articles with ${commentsEach * articles} comments: ${seconds(full.lastDurationMs ?? 0)}`,
)

since = new Date().toISOString()
t = Date.now()
await cms.payload.create({
  collection: 'articles',
  data: {
    title: 'Gerade veröffentlicht',
    slug: 'gerade-veroeffentlicht',
    body: paragraph('Neu.'),
    _status: 'published',
  },
})
await eventually(() => {
  if (!fs.existsSync(path.join(fs.realpathSync(siteDir), 'blog/gerade-veroeffentlicht/index.html')))
    throw new Error('not yet')
}, 900_000)
const servedMs = Date.now() - t
const build = await built(since)
console.log(
  `publish -> new page served: ${seconds(servedMs)} (debounce ${process.env.REBUILD_DEBOUNCE_MS} ms, build ${seconds(build.lastDurationMs ?? 0)})`,
)
const s1 = (ms: number) => Number((ms / 1000).toFixed(1))
await recordResult(
  'publish',
  [
    { measure: `seed ${articles} articles × ${commentsEach} comments`, seconds: s1(seededMs) },
    {
      measure: `full build, ${commentsEach * articles} comments`,
      seconds: s1(full.lastDurationMs ?? 0),
    },
    { measure: 'publish → new page served', seconds: s1(servedMs) },
    { measure: '  of which debounce', seconds: s1(Number(process.env.REBUILD_DEBOUNCE_MS)) },
    { measure: '  of which build', seconds: s1(build.lastDurationMs ?? 0) },
  ],
  { title: `Publishing on a site of ${articles} articles (\`bench:publish\`)` },
)
await cms.stop()
process.exit(0)
