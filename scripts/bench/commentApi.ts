/**
 * `npm run bench:comments`: the public comment API against the production server (`next start
 * cms` through scripts/cms-server.ts, as `npm start` runs it, with TRUST_PROXY=1: every POST comes
 * from its own forwarded address, the rate limits stay at their defaults), each figure beside Payload's floor (`GET /api/users/me`, its
 * cheapest REST route) measured in the same run. Targets of issue 9 (2 cores):
 *
 * - GET …/comments with 500 and with 5,000 approved comments: ≥ 90 % of the floor's requests/s,
 *   p99 ≤ 50 ms or ≤ 1.5× the floor's p99, no errors; the cost must not grow with the comments.
 * - Conditional GET (If-None-Match) → 304: reported (skipped while the API sends no ETag).
 * - POST: ≥ 300 accepted comments/s for 30 s at 50 connections, p99 ≤ 100 ms, none lost.
 * - GETs during that burst: p99 within 2× their idle value.
 * - The CMS process (and its children) under 500 MB resident throughout.
 *
 * Order: seed (child process) → start → warm up → floor → GET 500 → floor → GET 5,000 → 304 →
 * idle readers → POST burst with readers → count rows → stop. Loads run in their own processes
 * (scripts/bench/lib/load.ts); this one samples the server's RSS every 200 ms.
 *
 * BENCH_DURATION (s, default 10) and BENCH_CONNECTIONS (default 50) tune the GET phases;
 * BENCH_POST_DURATION (30), BENCH_READERS (10 connections of GETs during the burst),
 * BENCH_COMMENTS_SMALL (500), BENCH_COMMENTS_LARGE (5,000), BENCH_LARGE_DURATION (BENCH_DURATION)
 * and BENCH_MODERATION (first) the rest.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { apiPaths } from '../../contract'
import { recordResult, resultsDir, type ResultRow } from '../lib/benchResults'
import { buildCmsIfStale } from '../lib/buildCms'
import { bundleCmsServer, CMS_SERVER_ENV } from '../lib/cmsServer'
import { remoteFormToken } from '../lib/formToken'
import { childEnv } from '../lib/configVariables'
import { freePort } from '../lib/freePort'
import {
  cpuSeconds,
  machineBusySeconds,
  processTree,
  rssBytes,
  sampleRss,
  waitUntilIdle,
} from '../lib/processTree'
import { tempEnv } from '../lib/tempEnv'
import { waitForUrl } from '../lib/waitForUrl'
import { runLoad, type LoadResult, type LoadSpec } from './lib/runLoad'

const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const POST_DURATION = Number(process.env.BENCH_POST_DURATION ?? 30)
/**
 * The target rate, offered as an open load over the connections: with 50 connections always busy
 * (a closed load) the latency would be 50 / throughput by Little's law, queueing rather than work.
 * BENCH_POST_RATE=0 offers as much as the connections can send.
 */
const POST_RATE = Number(process.env.BENCH_POST_RATE ?? 320)
const READERS = Number(process.env.BENCH_READERS ?? 10)
const SMALL = Number(process.env.BENCH_COMMENTS_SMALL ?? 500)
const LARGE = Number(process.env.BENCH_COMMENTS_LARGE ?? 5000)
const LARGE_DURATION = Number(process.env.BENCH_LARGE_DURATION ?? DURATION)
const MODERATION = process.env.BENCH_MODERATION ?? 'first'
/** BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const CPU_PROF = process.env.BENCH_CPU_PROF
if (!['all', 'first', 'none'].includes(MODERATION))
  throw new Error('BENCH_MODERATION is all, first or none')

const MODERATION_EFFECT = {
  first:
    'the product default holds the first comment of an address, so every comment is stored as pending and queues a "waits for approval" job for the one editor, and the list the readers GET does not grow during the burst.',
  all: 'every comment is stored as pending and queues a "waits for approval" job for the one editor; the list the readers GET does not grow.',
  none: 'every comment is published at once and queues a notification job; the list the readers GET grows during the burst.',
}
const TSX_CLI = path.resolve('node_modules/tsx/dist/cli.mjs')
const MB = 2 ** 20
const started = Date.now()
const loadStart = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' ')
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`
const log = (line: string) => console.log(`[${elapsed()}] ${line}`)
const round = (n: number, digits = 1) => Number(n.toFixed(digits))

// --- The admin build and a throw-away data folder --------------------------------------------
log('building the admin unless cms/ is unchanged …')
if (await buildCmsIfStale()) log('admin built')
const port = await freePort(3700, 3799)
const data = tempEnv()
const cmsUrl = `http://127.0.0.1:${port}`
/** Everything the product reads, set here: nothing of the caller's shell reaches the children. */
const productEnv = {
  ...data.env,
  CMS_PORT: String(port),
  CMS_URL: cmsUrl,
  SITE_URL: 'http://127.0.0.1:4799',
  ...CMS_SERVER_ENV,
  SITE_AUTO_REBUILD: 'false',
  LOG_LEVEL: 'warn',
  // The product's rate limits stay as they are: the load generator is the one proxy in front, and
  // every POST comes from its own forwarded address (lib/load.ts). Reads are not limited.
  TRUST_PROXY: '1',
  ...(CPU_PROF
    ? {
        NODE_OPTIONS: `${CMS_SERVER_ENV.NODE_OPTIONS} --cpu-prof --cpu-prof-dir=${path.resolve(CPU_PROF)}`,
      }
    : {}),
}

let server: ChildProcess | undefined
let serverExit: string | undefined
let currentPhase = 'seed'
const stopServer = async () => {
  if (!server || server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((resolve) => server!.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
process.once('SIGINT', () => void stopServer().then(() => process.exit(130)))

try {
  // --- Seed (child process, before the server opens the database) ---------------------------
  currentPhase = 'seed'
  log(`seeding ${SMALL} + ${LARGE} approved comments (moderation "${MODERATION}") …`)
  const seeded = await seed()
  log(
    `seeded in ${round(seeded.prepareSeconds + seeded.smallSeconds + seeded.largeSeconds)} s ` +
      `(${SMALL}: ${seeded.smallSeconds} s, ${LARGE}: ${seeded.largeSeconds} s)`,
  )

  // --- The production server --------------------------------------------------------------------
  const logFile = path.join(data.dir, 'cms.log')
  const logFd = fs.openSync(logFile, 'a')
  // `next start cms` as npm start runs it (scripts/cms-server.ts), in one process.
  server = spawn(
    process.execPath,
    [await bundleCmsServer(), '--port', String(port), '--hostname', '127.0.0.1'],
    { env: childEnv(productEnv), stdio: ['ignore', logFd, logFd] },
  )
  server.on('exit', (code, signal) => {
    serverExit = `${signal ?? `exit ${code}`} during "${currentPhase}"`
  })
  const rss = sampleRss(server.pid!, 200)
  const serverStarted = Date.now()
  await waitForUrl(`${cmsUrl}/api/users/me`, { process: server })
  log(
    `next start answering on ${cmsUrl} after ${((Date.now() - serverStarted) / 1000).toFixed(1)} s`,
  )
  const rssAfterStart = treeRss(server.pid!) / MB

  const urls = {
    floor: `${cmsUrl}/api/users/me`,
    small: `${cmsUrl}${apiPaths.comments(seeded.small.slug)}`,
    large: `${cmsUrl}${apiPaths.comments(seeded.large.slug)}`,
  }
  const rows: ResultRow[] = []
  const notes: string[] = []
  type Phase = {
    name: string
    loads: LoadResult[]
    rssMb: number
    /** Cores the server tree and all other processes on the machine used meanwhile. */
    serverCores: number
    otherCores: number
  }
  const phases: Phase[] = []
  const bad = (l: LoadResult) => l.errors + l.unexpected

  /**
   * Loads run at once, in their own processes, after the server settled (CPU idle). Tracks the
   * server's peak RSS and CPU, and the CPU of everything else on the machine (this is a shared
   * 2-core box: another worktree's build skews a phase, and the table shows it).
   */
  const measureAll = async (name: string, specs: LoadSpec[]): Promise<LoadResult[]> => {
    currentPhase = name
    await waitUntilIdle(server!.pid!, { busyShare: 0.2, timeoutMs: 60_000 })
    rss.phase()
    const wall0 = Date.now()
    const machine0 = machineBusySeconds()
    const server0 = cpuSeconds(server!.pid!)
    const self0 = process.cpuUsage()
    const loads = await Promise.all(specs.map(runLoad))
    const wall = (Date.now() - wall0) / 1000
    const serverCpu = cpuSeconds(server!.pid!) - server0
    const selfUsage = process.cpuUsage(self0)
    const mine =
      serverCpu +
      (selfUsage.user + selfUsage.system) / 1e6 +
      loads.reduce((sum, l) => sum + l.cpuSeconds, 0)
    const phase: Phase = {
      name,
      loads,
      rssMb: rss.phase() / MB,
      serverCores: serverCpu / wall,
      otherCores: Math.max(0, (machineBusySeconds() - machine0 - mine) / wall),
    }
    phases.push(phase)
    for (const load of loads)
      log(
        `${name}: ${round(load.rps)} req/s (${round(load.expectedPerSecond)}/s as expected), p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
          `${bad(load)} bad (${load.timeouts} timeouts; ${JSON.stringify(load.statusCodes)}), ${load.inFlightAtStop} in flight at the stop`,
      )
    log(
      `  server ${round(phase.serverCores, 2)} cores, other processes ${round(phase.otherCores, 2)} cores, RSS peak ${round(phase.rssMb, 0)} MB`,
    )
    return loads
  }
  const measure = async (name: string, one: LoadSpec) => (await measureAll(name, [one]))[0]!

  // --- Warm-up (JIT, route compilation, SQLite pages): bounded in time, not in requests ---------
  currentPhase = 'warm-up'
  /** RSS after each route's warm-up: what the floor alone costs, and what the comment GETs add. */
  const rssAfter: Record<string, number> = {}
  for (const [name, url] of Object.entries(urls)) {
    const l = await runLoad({ url, connections: 10, duration: 3, expectStatus: 200 })
    rssAfter[name] = treeRss(server.pid!) / MB
    log(`warm-up ${name}: ${l.answered} requests, RSS then ${round(rssAfter[name], 0)} MB`)
  }
  // Posts carry a form token as the island's do (one fetched once; tokens have no maximum age).
  const formToken = await remoteFormToken(cmsUrl)
  await runLoad({
    url: urls.small,
    connections: 5,
    amount: 20,
    postComments: { tag: 'warmup', formToken },
    expectStatus: 201,
  })
  const rssAfterWarmUp = treeRss(server.pid!) / MB
  log(`RSS after start ${round(rssAfterStart, 0)} MB, after warm-up ${round(rssAfterWarmUp, 0)} MB`)

  // --- GETs beside the floor --------------------------------------------------------------------
  const get = (url: string, duration = DURATION, connections = CONNECTIONS): LoadSpec => ({
    url,
    connections,
    duration,
    expectStatus: 200,
  })
  const floor1 = await measure('floor 1: GET /api/users/me', get(urls.floor))
  const small = await measure(`GET comments, ${SMALL} approved`, get(urls.small))
  const floor2 = await measure('floor 2: GET /api/users/me', get(urls.floor))
  const large = await measure(`GET comments, ${LARGE} approved`, get(urls.large, LARGE_DURATION))
  // What a browser's request costs: Next.js compresses every answer again (it cannot keep one).
  const gzipName = `GET comments, ${LARGE} approved, Accept-Encoding: gzip`
  const gzipped = await measure(gzipName, {
    ...get(urls.large, LARGE_DURATION),
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  })
  const floor = {
    rps: (floor1.rps + floor2.rps) / 2,
    p99: (floor1.p99 + floor2.p99) / 2,
  }

  // --- Conditional GETs ---------------------------------------------------------------------------
  const conditional: { size: number; load: LoadResult | null }[] = []
  for (const [size, url] of [
    [SMALL, urls.small],
    [LARGE, urls.large],
  ] as const) {
    const etag = (await fetch(url)).headers.get('etag')
    conditional.push({
      size,
      load: etag
        ? await measure(`conditional GET → 304, ${size} approved`, {
            url,
            connections: CONNECTIONS,
            duration: DURATION,
            headers: { 'if-none-match': etag },
            expectStatus: 304,
          })
        : null,
    })
  }

  // --- Readers idle, then readers during the POST burst ------------------------------------------
  const readersIdle = await measure(
    `GET comments, ${SMALL} approved, ${READERS} connections (idle)`,
    get(urls.small, POST_DURATION / 3, READERS),
  )
  const tag = `b${Date.now().toString(36)}`
  const [burst, readersBusy] = (await measureAll('POST burst with readers', [
    {
      url: urls.small,
      connections: CONNECTIONS,
      duration: POST_DURATION,
      ...(POST_RATE > 0 ? { overallRate: POST_RATE } : {}),
      postComments: { tag, formToken },
      expectStatus: 201,
    },
    get(urls.small, POST_DURATION, READERS),
  ])) as [LoadResult, LoadResult]

  // --- None lost: every 201 is a row, read straight from the SQLite file -----------------------
  currentPhase = 'count rows'
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const stored = storedBurstComments(tag)
  const answered = new Set(burst.created)
  const lost = [...answered].filter((n) => !stored.numbers.has(n)).length
  const storedRefused = burst.refused.filter((n) => stored.numbers.has(n)).length
  // Requests in flight when the load stopped (autocannon drops them) or timed out: no answer.
  const unanswered = burst.sent - burst.answered
  const storedUnanswered = stored.rows - answered.size - storedRefused
  // None lost: every 201 is a row; no refused request left one; the other rows are requests
  // that got no answer (at most as many as there were).
  const noneLost = lost === 0 && storedRefused === 0 && storedUnanswered <= unanswered
  log(
    `rows ${stored.rows} (${stored.pending} pending, ${stored.approved} approved) = ${burst.expected} answered 201 ` +
      `+ ${storedUnanswered} of the ${unanswered} unanswered (in flight when the load stopped, or timed out); ` +
      `${lost} answered 201 but missing, ${storedRefused} refused but stored`,
  )

  // --- Tail of the run: keep sampling while the jobs queue works off the burst -----------------
  currentPhase = 'after the burst'
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const peak = rss.peak()
  const peakPhase = phases.reduce((a, b) => (b.rssMb > a.rssMb ? b : a)).name
  rss.stop()
  const serverAlive = server.exitCode === null && server.signalCode === null
  await stopServer()

  // --- Server log: SQLITE_BUSY and other errors -------------------------------------------------
  const serverLog = fs.readFileSync(logFile, 'utf8')
  const busy = serverLog.match(/SQLITE_BUSY/g)?.length ?? 0
  const errorLines = serverLog.split('\n').filter((l) => /error/i.test(l))
  const distinctErrors = [...new Set(errorLines.map((l) => l.replace(/\d+/g, 'N').slice(0, 160)))]

  // --- The table ------------------------------------------------------------------------------------
  const row = (
    name: string,
    load: LoadResult,
    { rps = load.rps, detail, ...extra }: ResultRow & { rps?: number } = {},
  ): ResultRow => {
    const phase = phases.find((p) => p.loads.includes(load))
    const counts = `${load.answered} answers, ${load.timeouts} timeouts, ${load.inFlightAtStop} in flight at the stop`
    return {
      measurement: name,
      'req/s': round(rps),
      'p50 ms': round(load.p50),
      'p99 ms': round(load.p99),
      'errors+timeouts+non-expected': bad(load),
      'req/s vs floor': `${round((rps / floor.rps) * 100, 0)} %`,
      'p99 vs floor': `${round(load.p99 / floor.p99, 2)}x`,
      'RSS peak MB': round(phase?.rssMb ?? 0, 0),
      'server cores': round(phase?.serverCores ?? 0, 2),
      'other processes cores': round(phase?.otherCores ?? 0, 2),
      target: '–',
      pass: null,
      ...extra,
      detail: detail ? `${detail}; ${counts}` : counts,
    }
  }
  const getTarget = (load: LoadResult) =>
    load.rps >= 0.9 * floor.rps &&
    (load.p99 <= 50 || load.p99 <= 1.5 * floor.p99) &&
    bad(load) === 0
  const GET_TARGET = '≥ 90 % floor req/s; p99 ≤ 50 ms or ≤ 1.5x floor; 0 bad'

  rows.push(row('floor 1: GET /api/users/me', floor1, { target: 'reference' }))
  rows.push(row('floor 2: GET /api/users/me', floor2, { target: 'reference' }))
  rows.push({
    measurement: 'floor (mean of both)',
    'req/s': round(floor.rps),
    'p99 ms': round(floor.p99),
    target: 'reference',
  })
  rows.push(
    row(`GET comments, ${SMALL} approved`, small, {
      target: GET_TARGET,
      pass: getTarget(small),
    }),
  )
  rows.push(
    row(`GET comments, ${LARGE} approved`, large, {
      target: GET_TARGET,
      pass: getTarget(large),
    }),
  )
  rows.push({
    measurement: `GET cost ${LARGE} vs ${SMALL} comments`,
    detail: `req/s ${round((large.rps / small.rps) * 100, 0)} % of the ${SMALL}-comment GET, p99 ${round(large.p99 / small.p99, 2)}x`,
    target: `does not grow: ≥ 90 % of the ${SMALL} req/s`,
    pass: large.rps >= 0.9 * small.rps,
  })
  for (const { size, load } of conditional) {
    const name = `conditional GET → 304, ${size} approved`
    rows.push(
      load
        ? row(name, load, { target: 'report' })
        : { measurement: name, detail: 'no ETag in the answer: skipped', target: 'report' },
    )
  }
  rows.push(row(gzipName, gzipped, { target: 'report' }))
  rows.push(row(`GET ${SMALL}, ${READERS} connections, idle`, readersIdle, { target: 'reference' }))
  const postPass = burst.expectedPerSecond >= 300 && burst.p99 <= 100 && noneLost
  rows.push(
    row(
      `POST comments, ${POST_DURATION} s, ${POST_RATE > 0 ? `${POST_RATE}/s offered` : 'as fast as possible'}, moderation "${MODERATION}" (req/s = 201/s)`,
      burst,
      {
        rps: burst.expectedPerSecond,
        detail:
          `${burst.expected} × 201 of ${burst.answered} answers (${JSON.stringify(burst.statusCodes)}); ${stored.rows} rows = ${burst.expected} + ${storedUnanswered} ` +
          `of the ${unanswered} left unanswered when the load stopped; ${lost} lost, ${storedRefused} refused but stored`,
        target: '≥ 300 accepted/s; p99 ≤ 100 ms; every 201 stored, nothing refused stored',
        pass: postPass,
      },
    ),
  )
  rows.push(
    row(`GET ${SMALL}, ${READERS} connections, during the POST burst`, readersBusy, {
      detail:
        readersBusy.answered === 0
          ? `no answer within the ${POST_DURATION} s (idle p99 ${round(readersIdle.p99)} ms)`
          : `p99 ${round(readersBusy.p99 / Math.max(readersIdle.p99, 1), 2)}x idle (${round(readersIdle.p99)} ms)`,
      target: '≤ 2x idle p99',
      pass:
        readersBusy.answered > 0 &&
        readersBusy.p99 <= 2 * readersIdle.p99 &&
        bad(readersBusy) === 0,
    }),
  )
  rows.push({
    measurement: 'CMS resident memory, whole run (next start + children)',
    detail: `after start ${round(rssAfterStart, 0)} MB, after warming up the floor route ${round(rssAfter.floor ?? 0, 0)} MB, + ${SMALL} comments ${round(rssAfter.small ?? 0, 0)} MB, + ${LARGE} comments ${round(rssAfter.large ?? 0, 0)} MB, after warm-up ${round(rssAfterWarmUp, 0)} MB; peak ${round(peak.bytes / MB, 0)} MB (in "${peakPhase}") in ${peak.processes} process(es), ${peak.samples} samples every 200 ms${serverAlive ? '' : `; server stopped: ${serverExit}`}`,
    'RSS peak MB': round(peak.bytes / MB, 0),
    target: '< 500 MB; server up',
    pass: peak.bytes < 500 * MB && serverAlive,
  })

  notes.push(
    `Server: \`next start cms\` as npm start runs it (scripts/cms-server.ts, production build), TRUST_PROXY=1 with every POST from its own forwarded address and email (the rate limits at their defaults), SQLite in a temp folder, RUN_JOBS=true, LOG_LEVEL=warn, on 127.0.0.1:${port}; load: autocannon in separate processes on loopback, ${CONNECTIONS} connections, ${DURATION} s per GET phase (${LARGE_DURATION} s for ${LARGE}), timeout 10 s, after a warm-up of 3 s per route. GETs send no Accept-Encoding, as the floor's; the row “gzip” shows what Next.js's per-request compression costs when a browser asks for it.`,
    `Floor = mean of the two floor runs. "errors+timeouts+non-expected" = connection errors (timeouts included) + answers with another status than expected (200, 304, 201); requests still in flight when a timed load stops are dropped by autocannon and listed apart.`,
    `This is a shared 2-core machine: load average ${loadStart} at the start, ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(
        ' ',
      )} at the end. "server cores" = CPU of the \`next start\` process tree during the phase, "other processes cores" = CPU of everything that is neither the server, this bench nor its load generators (from /proc/stat).`,
    `Seed: ${SMALL} approved comments on \`${seeded.small.slug}\` (${seeded.smallSeconds} s) and ${LARGE} on \`${seeded.large.slug}\` (${seeded.largeSeconds} s) through the Local API, a third of them replies (depth 2).`,
    `POST burst: moderation "${MODERATION}", every POST from a new address to \`${seeded.small.slug}\`: ${MODERATION_EFFECT[MODERATION as keyof typeof MODERATION_EFFECT]} Rows counted in the database by address after the burst.`,
    `Server log: ${busy} SQLITE_BUSY, ${errorLines.length} lines with "error"${distinctErrors.length ? ` (first: ${distinctErrors.slice(0, 3).join(' / ')})` : ''}.`,
    `Run time ${elapsed().trim()} (seed ${round(seeded.prepareSeconds + seeded.smallSeconds + seeded.largeSeconds)} s).`,
  )
  if (distinctErrors.length) {
    console.log('server log, distinct error lines:')
    for (const line of distinctErrors.slice(0, 10)) console.log(`  ${line}`)
  }
  await recordResult('commentApi', rows, {
    title: 'Public comment API against Payload’s floor (`bench:comments`)',
    notes,
  })
  console.log(
    fs
      .readFileSync(path.join(resultsDir(), 'results.md'), 'utf8')
      .split('## ')
      .find((part) => part.includes('`commentApi`')),
  )
} catch (error) {
  console.error(`bench:comments failed in "${currentPhase}": ${(error as Error).message}`)
  if (serverExit) console.error(`the server stopped: ${serverExit}`)
  process.exitCode = 1
} finally {
  await stopServer()
  data.cleanup()
}
process.exit()

/** Summed RSS of a process and its descendants now, in bytes. */
function treeRss(pid: number) {
  return processTree(pid).reduce((sum, p) => sum + rssBytes(p), 0)
}

/** Runs the seed in its own process with the product env; returns what it reports. */
async function seed() {
  const child = spawn(
    process.execPath,
    [
      TSX_CLI,
      'scripts/bench/lib/seedComments.ts',
      JSON.stringify({ small: SMALL, large: LARGE, moderation: MODERATION }),
    ],
    // The seed must not run the jobs queue: the server does.
    { env: childEnv({ ...productEnv, RUN_JOBS: 'false' }), stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise((resolve) => child.on('exit', resolve))
  const line = output.split('\n').find((l) => l.startsWith('SEEDED '))
  if (code !== 0 || !line) throw new Error(`seed failed (exit ${code}):\n${output.slice(-3000)}`)
  return JSON.parse(line.slice(7)) as {
    small: { slug: string; id: number }
    large: { slug: string; id: number }
    prepareSeconds: number
    smallSeconds: number
    largeSeconds: number
  }
}

/** The burst's comments in the SQLite file, by the number in their address. */
function storedBurstComments(tag: string) {
  const db = new DatabaseSync(String(data.env.DATABASE_URI).replace(/^file:/, ''))
  db.exec('PRAGMA busy_timeout = 10000')
  const rows = db
    .prepare('SELECT author_email AS email, status FROM comments WHERE author_email LIKE ?')
    .all(`last-${tag}-%`) as { email: string; status: string }[]
  db.close()
  const numbers = new Set(rows.map((r) => Number(/-(\d+)@/.exec(r.email)?.[1])))
  return {
    rows: rows.length,
    numbers,
    pending: rows.filter((r) => r.status === 'pending').length,
    approved: rows.filter((r) => r.status === 'approved').length,
  }
}
