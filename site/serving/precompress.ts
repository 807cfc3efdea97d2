import { createHash, randomUUID } from 'node:crypto'
import { copyFileSync, linkSync, rmSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { eachLimited } from '../lib/eachLimited'
import { listFiles } from '../incremental/buildFiles'
import type { FileMemo } from '../lib/fileMemo'

/** Text-like files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|css|js|mjs|xml|svg|json|txt|webmanifest|ico)$/
/** Below this, the saving does not pay for the extra file and the encoding header. */
export const MIN_BYTES = 1024

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)
/** Brotli's quality when the build's time for max quality is used up: ~50x faster, ~8% larger. */
const FAST_BROTLI = 5
const brotliAt = (quality: number) => (data: Buffer) =>
  brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  })
type Encoder = (data: Buffer) => Promise<Buffer>
/** Per extension: the best encoder, and a fast one when the best costs much more. */
const ENCODINGS: Record<'br' | 'gz', { best: Encoder; fast?: Encoder }> = {
  br: { best: brotliAt(zlib.constants.BROTLI_MAX_QUALITY), fast: brotliAt(FAST_BROTLI) },
  gz: { best: (data) => gzip(data, { level: 9 }) },
}
type Extension = keyof typeof ENCODINGS

/**
 * Wall time per build for brotli at max quality (25-70 ms a 21 KB page on one core): enough for
 * what a publish changes; a cold build of 1,000 pages (35 s at max quality on 2 busy cores)
 * compresses the rest fast, and upgradeBrotli() brings those to max quality after the build.
 */
export const MAX_QUALITY_MS = 500

export type CompressReport = {
  /** Files large enough to compress. */
  files: number
  /** …of which at least one encoding was compressed now, at max quality… */
  compressed: number
  /** …or with brotli's fast quality (the budget was used up)… */
  fast: number
  /** …or all came from the cache. */
  reused: number
  /** Files whose `.br` has the fast quality, for upgradeBrotli(). */
  upgradable: Upgradable[]
}

export type Upgradable = { file: string; sha: string }

/** Puts `bytes` at `file` all at once (a killed build leaves no half-written cache entry). */
async function writeAtomically(file: string, bytes: Buffer) {
  const temporary = `${file}.${randomUUID()}.tmp`
  await fs.writeFile(temporary, bytes)
  await fs.rename(temporary, file)
}

/**
 * A hard link where the cache and the build share a disk (no copy), else a copy. An existing
 * target is removed first: it may be a link to another cache entry, which a copy would overwrite.
 */
// Synchronous: thousands of links per build, each a few microseconds, cost more as awaited calls.
function place(cached: string, target: string) {
  try {
    linkSync(cached, target)
  } catch (error) {
    rmSync(target, { force: true })
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') place(cached, target)
    else copyFileSync(cached, target)
  }
}

/**
 * Writes `<file>.br` (brotli, max quality) and `<file>.gz` (gzip -9) next to every compressible file
 * of at least MIN_BYTES under `root`, where it shrinks. Builds go to a new folder each time and most
 * files equal the last build's, so the compressed bytes are cached by the SHA-256 of the content in
 * `cacheDir` (`<sha>.br`, `<sha>.gz`; `<sha>.br.fast` from the fast quality; `<sha>.<ext>.none`
 * when an encoding does not shrink the file) and reused; entries the build did not use are removed.
 * Max quality runs for `maxQualityMs` per build (MAX_QUALITY_MS), then brotli falls back to fast.
 */
export async function precompress(
  root: string,
  cacheDir: string,
  {
    maxQualityMs = MAX_QUALITY_MS,
    memo,
    files: known,
    isKept = () => false,
  }: {
    maxQualityMs?: number
    /** the SHA-256 of files unchanged since the last build, without reading them (null: too small) */
    memo?: FileMemo<string | null>
    /** the build's files (relative, `/`-separated), when known without listing `root` */
    files?: string[]
    /**
     * a file kept from the last build with its compressed variants (site/incremental/): nothing
     * is written for it; its SHA-256 (from `memo`, without a stat) keeps its cache entries
     */
    isKept?: (file: string) => boolean
  } = {},
): Promise<CompressReport> {
  const deadline = performance.now() + maxQualityMs
  await fs.mkdir(cacheDir, { recursive: true })
  const files = (known ?? listFiles(root)).filter((file) => COMPRESSIBLE.test(file))
  // One listing instead of a stat per entry: the cache holds a few thousand files.
  const cached = new Set(await fs.readdir(cacheDir))
  const used = new Set<string>()
  const report: CompressReport = { files: 0, compressed: 0, fast: 0, reused: 0, upgradable: [] }
  await eachLimited(files, os.availableParallelism() * 2, async (relative) => {
    const file = path.join(root, relative)
    let data: Buffer | undefined
    const read = async () => (data ??= await fs.readFile(file))
    const shaOf = async () => {
      const bytes = await read()
      return bytes.length < MIN_BYTES ? null : createHash('sha256').update(bytes).digest('hex')
    }
    const kept = isKept(relative)
    const sha = !memo
      ? await shaOf()
      : kept
        ? await memo.kept(relative, shaOf)
        : await memo.get(relative, shaOf)
    if (sha === null) return
    report.files++
    if (kept) {
      for (const extension of Object.keys(ENCODINGS) as Extension[])
        for (const suffix of ['', '.none', '.fast']) {
          const entry = `${sha}.${extension}${suffix}`
          if (!cached.has(entry)) continue
          used.add(entry)
          // Its variant came with it from the last build, whose upgrade was cut short.
          if (suffix === '.fast') report.upgradable.push({ file, sha })
        }
      report.reused++
      return
    }
    let computed = false
    let fastNow = false
    for (const extension of Object.keys(ENCODINGS) as Extension[]) {
      const target = `${file}.${extension}`
      const name = (suffix = '') => `${sha}.${extension}${suffix}`
      const use = (entry: string) => {
        used.add(entry)
        return place(path.join(cacheDir, entry), target)
      }
      if (cached.has(name())) {
        await use(name())
        continue
      }
      // A build into an old folder (Astro empties it, a caller may not): no stale variant stays.
      const none = async () => {
        used.add(name('.none'))
        await fs.rm(target, { force: true })
      }
      if (cached.has(name('.none'))) {
        await none()
        continue
      }
      // Upgraded after the build (upgradeBrotli), not on the way to serving a change.
      if (cached.has(name('.fast'))) {
        report.upgradable.push({ file, sha })
        await use(name('.fast'))
        continue
      }
      const { best, fast } = ENCODINGS[extension]
      const atBest = fast === undefined || performance.now() < deadline
      const data = await read()
      const bytes = await (atBest ? best : fast!)(data)
      computed = true
      fastNow ||= !atBest
      const entry = bytes.length >= data.length ? name('.none') : name(atBest ? '' : '.fast')
      if (entry.endsWith('.fast')) report.upgradable.push({ file, sha })
      await writeAtomically(
        path.join(cacheDir, entry),
        entry.endsWith('.none') ? Buffer.alloc(0) : bytes,
      )
      cached.add(entry)
      if (entry.endsWith('.none')) await none()
      else await use(entry)
    }
    report[fastNow ? 'fast' : computed ? 'compressed' : 'reused']++
  })
  report.upgradable.sort((a, b) => a.file.localeCompare(b.file))
  for (const entry of cached)
    if (!used.has(entry)) await fs.rm(path.join(cacheDir, entry), { force: true })
  return report
}

/**
 * After a build: compresses the files that got fast brotli (`upgradable` of its report) at max
 * quality, one at a time until `stop()` says a build waits, and puts each into the cache (the next
 * build uses it) and in place of `<file>.br` by a rename, so the build may already be served.
 * Returns how many were upgraded.
 */
export async function upgradeBrotli(
  cacheDir: string,
  upgradable: Upgradable[],
  stop: () => boolean,
): Promise<number> {
  let upgraded = 0
  for (const { file, sha } of upgradable) {
    if (stop()) break
    const data = await fs.readFile(file).catch(() => undefined)
    // Gone (a pruned build) or changed: nothing to upgrade.
    if (!data || createHash('sha256').update(data).digest('hex') !== sha) continue
    const entry = path.join(cacheDir, `${sha}.br`)
    const best = await ENCODINGS.br.best(data)
    // Now and then the fast bytes are as small: they become the entry, so no build asks again.
    const current = await fs.readFile(`${file}.br`).catch(() => undefined)
    const bytes = current && current.length <= best.length ? current : best
    if (bytes.length >= data.length) continue
    await writeAtomically(entry, bytes)
    // Made next to the cache entry: a process killed here leaves it where the next build prunes it.
    const temporary = path.join(cacheDir, `${randomUUID()}.tmp`)
    place(entry, temporary)
    await fs.rename(temporary, `${file}.br`)
    upgraded++
  }
  return upgraded
}
