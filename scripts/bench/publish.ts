/**
 * `npm run bench:publish`: on a site of BENCH_ARTICLES published articles (default 1,000) with
 * BENCH_COMMENTS approved comments each (default 20), times from the outside, polling the served
 * folder every 50 ms: (a) a full build with an empty build cache, (b) a rebuild with nothing
 * changed, and an editor's (c) publish, (d) title edit, (e) unpublish, (f) slug change and (g)
 * comment approval until the served site shows it, with the product's rebuild debounce
 * (REBUILD_DEBOUNCE_MS as the user set it, else its default). Also the peak memory of the build
 * processes. `BENCH_ARTICLES=10000 npm run bench:publish` records the large run separately.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { recordResult, type ResultRow } from '../lib/benchResults'
import { startLocalCms } from '../lib/localCms'
import { readBuild } from './lib/buildState'
import { sampleDescendants } from './lib/descendantMemory'
import { articleBySlug, editorChanges } from './lib/publishChanges'
import { seedSlug } from './lib/seedRows'
import { seedNote, timedLine, timedRow } from './lib/publishRows'
import { seededDatabase } from './lib/seededDatabase'
import { ServedSite } from './lib/servedSite'
import { timeChange, type Clock } from './lib/timeChange'

const articles = Number(process.env.BENCH_ARTICLES ?? 1000)
const commentsEach = Number(process.env.BENCH_COMMENTS ?? 20)
const large = articles > 1000
// The targets: at 1,000 articles, and at 10,000 (where the full build is reported).
const target = large
  ? { change: 10, comment: 10, full: null }
  : { change: 5, comment: 10, full: 15 }
const section =
  articles === 1000 ? 'publish' : articles === 10_000 ? 'publish10k' : `publish${articles}`
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')
const loadBefore = load()

const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-bench-publish-'))
const dbFile = path.join(dbDir, 'bench.db')
const seed = await seededDatabase(dbFile, articles, commentsEach)
console.log(seedNote(seed))
const cms = await startLocalCms({ databaseUri: `file:${dbFile}` })
const { payload } = cms
// Inside the project, as `dist/site` is: Astro bundles a build outside it into one shared folder,
// and the CMS then starts a fresh build process for every build (cms/publishing/builder).
process.env.SITE_OUT_DIR = path.resolve('node_modules/.cache/leuchtturm-bench/site')
fs.rmSync(path.dirname(process.env.SITE_OUT_DIR), { recursive: true, force: true })
const site = new ServedSite(process.env.SITE_OUT_DIR)

process.env.SITE_AUTO_REBUILD = 'true'
const { requestRebuild } = await import('../../cms/publishing/requestRebuild')
const { publishingSettings } = await import('../../cms/publishing/settings')
const debounceMs = publishingSettings().debounceMs
const memory = sampleDescendants(100)
const rows: ResultRow[] = []
const clock: Clock = { payload, memory, settleMs: 0, timeoutMs: 30 * 60_000 }

/** A rebuild asked for without debounce is served once the build finished after it. */
const rebuilt = async (since: string) =>
  ((await readBuild(payload)).lastFinishedAt ?? '') > since && site.exists('index.html')
const rebuild = () => requestRebuild(payload, undefined, 0)

const settleMs = Math.max(1000, debounceMs)
const incrementalPeaks: number[] = []
/** Recorded after every measurement, so a run stopped early (the 10,000 case) keeps its figures. */
const record = (done: boolean) =>
  recordResult(section, rows, {
    title: `Publishing on a site of ${articles} articles × ${commentsEach} comments (\`bench:publish\`)`,
    notes: [
      ...(done ? [] : [`**Incomplete**: ${rows.length} of 7 measurements (run stopped).`]),
      seedNote(seed),
      `Times from the change (the Local API call, as the admin saves) to the served folder ` +
        `(SITE_OUT_DIR, resolved anew) showing it, polled every 50 ms; "before build" is from the ` +
        `change to the start of the build (site-build's lastStartedAt): the debounce ` +
        `(REBUILD_DEBOUNCE_MS = ${debounceMs} ms) and the job queue; "build" is its ` +
        `lastDurationMs; "build CPU" the CPU time of the bench's descendants meanwhile (less ` +
        `sensitive to the machine's load).`,
      `Each change waits for a quiet site plus ${settleMs} ms first; (a) and (b) are asked ` +
        `for without debounce (requestRebuild with 0 ms).`,
      `Peak build RSS: summed resident memory of the bench's descendants (astro build, a build ` +
        `worker) sampled every 100 ms from /proc; peak during the incremental rebuilds ` +
        `${Math.max(0, ...incrementalPeaks)} MB.`,
      `Load average (1/5/15 min) before ${loadBefore}, after ${load()} ` +
        `(${os.cpus().length} cores, shared with other jobs).`,
    ],
  })

const fullName = `(a) full build, empty build cache: ${articles} articles, ${articles * commentsEach} comments`
const full = await timeChange(clock, fullName, rebuild, rebuilt)
console.log(timedLine(fullName, full))
if (full.servedMs === null) throw new Error('the full build was never served')
rows.push(timedRow(fullName, full, { seconds: target.full, on: 'build' }, clock.timeoutMs))
await record(false)
// The bench means nothing if the pages lack the seeded comments (the first article's first one).
const firstComment = `Kommentar 0 zu Beitrag ${(await articleBySlug(payload, seedSlug(0))).id}.`
if (
  commentsEach &&
  !site.articlePages(seedSlug(0)).some((p) => site.read(p)?.includes(firstComment))
)
  throw new Error(`the seeded comments are not on the static pages ("${firstComment}")`)

// Later changes: an editor's next change comes after the last build, not within its debounce.
clock.settleMs = settleMs
clock.timeoutMs = Math.max(60_000, 1.5 * full.servedMs) // a change needs no more than a full build
const unchangedName = '(b) rebuild, nothing changed'
const unchanged = await timeChange(clock, unchangedName, rebuild, rebuilt)
console.log(timedLine(unchangedName, unchanged))
rows.push(timedRow(unchangedName, unchanged, { seconds: null, on: 'build' }, clock.timeoutMs))
incrementalPeaks.push(unchanged.peakMb ?? 0)
await record(false)

for (const change of editorChanges(payload, site, articles, target)) {
  await change.prepare?.()
  const timed = await timeChange(clock, change.name, change.change, change.served)
  console.log(timedLine(change.name, timed))
  rows.push(
    timedRow(change.name, timed, { seconds: change.targetSeconds, on: 'served' }, clock.timeoutMs),
  )
  incrementalPeaks.push(timed.peakMb ?? 0)
  await record(false)
}
memory.stop()
await record(true)
await cms.stop()
fs.rmSync(dbDir, { recursive: true, force: true })
process.exit(0)
