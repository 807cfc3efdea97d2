import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type SeedTimings = {
  articles: number
  comments: number
  prepareSeconds: number
  articleSeconds: number
  commentSeconds: number
}

export type SeededDatabase = SeedTimings & {
  /** true when the database came from the cache (the timings are those of the run that made it) */
  cached: boolean
  /** seconds to copy the cached file (or to seed it, when not cached) */
  readySeconds: number
}

/** Seeded databases are kept here between runs (seeding 10,000 articles takes minutes). */
const CACHE_DIR = path.join(os.tmpdir(), 'leuchtturm-bench-seed')
const SEEDER = path.resolve('scripts/bench/lib/seedSite.ts')

/**
 * The cache key: the counts, the schema (every migration) and the seeding code, so a new
 * migration or a change to what is seeded seeds again.
 */
function cacheKey(articles: number, comments: number): string {
  const hash = createHash('sha256')
  const migrations = path.resolve('cms/migrations')
  for (const name of fs.readdirSync(migrations).sort())
    hash.update(name).update(fs.readFileSync(path.join(migrations, name)))
  for (const file of ['seedSite.ts', 'seedRows.ts', 'sentences.ts'])
    hash.update(fs.readFileSync(path.join(path.dirname(SEEDER), file)))
  return `${articles}x${comments}-${hash.digest('hex').slice(0, 12)}`
}

/** Runs seedSite.ts against `file` in a child process; resolves with its timings. */
function seed(file: string, articles: number, comments: number): Promise<SeedTimings> {
  const dir = path.dirname(file)
  const child = spawn('tsx', [SEEDER, JSON.stringify({ articles, comments })], {
    env: {
      ...process.env,
      DATABASE_URI: `file:${file}`,
      PAYLOAD_SECRET: 'test-secret-0123456789-0123456789-0123456789',
      DATA_DIR: dir,
      MEDIA_DIR: path.join(dir, 'media'),
      RUN_JOBS: 'false',
      SITE_AUTO_REBUILD: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    process.stdout.write(chunk)
  })
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const line = /^SEEDED (.*)$/m.exec(output)?.[1]
      if (code === 0 && line) resolve(JSON.parse(line) as SeedTimings)
      else reject(new Error(`seeding failed (exit ${code})`))
    }),
  )
}

/**
 * Puts a database with `articles` published articles and `comments` approved comments each at
 * `target` (a fresh file): a copy of the cached one, seeded first when the cache lacks it.
 * BENCH_SEED_CACHE=false seeds afresh (and refreshes the cache).
 */
export async function seededDatabase(
  target: string,
  articles: number,
  comments: number,
): Promise<SeededDatabase> {
  const key = cacheKey(articles, comments)
  const cachedFile = path.join(CACHE_DIR, `${key}.db`)
  const timingsFile = path.join(CACHE_DIR, `${key}.json`)
  const started = Date.now()
  const cached = fs.existsSync(cachedFile) && process.env.BENCH_SEED_CACHE !== 'false'
  if (!cached) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-seed-'))
    const file = path.join(work, 'seed.db')
    const timings = await seed(file, articles, comments)
    fs.mkdirSync(CACHE_DIR, { recursive: true })
    // The seeder checkpointed the WAL: the .db file alone is the whole database.
    const temp = `${cachedFile}.${process.pid}.tmp` // two benches may seed at once
    fs.copyFileSync(file, temp)
    fs.renameSync(temp, cachedFile)
    fs.writeFileSync(timingsFile, JSON.stringify(timings))
    fs.rmSync(work, { recursive: true, force: true })
  }
  const seedingMs = Date.now() - started
  fs.copyFileSync(cachedFile, target)
  fs.chmodSync(target, 0o600)
  const timings = JSON.parse(fs.readFileSync(timingsFile, 'utf8')) as SeedTimings
  const readySeconds = (cached ? Date.now() - started : seedingMs) / 1000
  return { ...timings, cached, readySeconds }
}
