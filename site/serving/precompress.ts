import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

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
 * compresses the rest fast, and later builds upgrade those within their own budget.
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
}

/** Runs `task` over `items`, at most `limit` at a time (zlib works on libuv's thread pool). */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await task(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

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
async function place(cached: string, target: string) {
  try {
    await fs.link(cached, target)
  } catch (error) {
    await fs.rm(target, { force: true })
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') await place(cached, target)
    else await fs.copyFile(cached, target)
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
  { maxQualityMs = MAX_QUALITY_MS }: { maxQualityMs?: number } = {},
): Promise<CompressReport> {
  const deadline = performance.now() + maxQualityMs
  await fs.mkdir(cacheDir, { recursive: true })
  const files = (await fs.readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
  const used = new Set<string>()
  const exists = (file: string) =>
    fs.stat(file).then(
      () => true,
      () => false,
    )
  const report: CompressReport = { files: 0, compressed: 0, fast: 0, reused: 0 }
  await eachLimited(files, os.availableParallelism() * 2, async (file) => {
    const data = await fs.readFile(file)
    if (data.length < MIN_BYTES) return
    report.files++
    const sha = createHash('sha256').update(data).digest('hex')
    let computed = false
    let fastNow = false
    for (const extension of Object.keys(ENCODINGS) as Extension[]) {
      const target = `${file}.${extension}`
      const entry = (suffix = '') => path.join(cacheDir, `${sha}.${extension}${suffix}`)
      const use = (cached: string) => {
        used.add(path.basename(cached))
        return place(cached, target)
      }
      if (await exists(entry())) {
        await use(entry())
        continue
      }
      // A build into an old folder (Astro empties it, a caller may not): no stale variant stays.
      const none = async () => {
        used.add(path.basename(entry('.none')))
        await fs.rm(target, { force: true })
      }
      if (await exists(entry('.none'))) {
        await none()
        continue
      }
      const { best, fast } = ENCODINGS[extension]
      const hasFast = fast !== undefined && (await exists(entry('.fast')))
      const atBest = fast === undefined || performance.now() < deadline
      if (hasFast && !atBest) {
        await use(entry('.fast'))
        continue
      }
      const bytes = await (atBest ? best : fast!)(data)
      computed = true
      fastNow ||= !atBest
      if (bytes.length >= data.length) {
        await writeAtomically(entry('.none'), Buffer.alloc(0))
        await none()
        continue
      }
      const cached = entry(atBest ? '' : '.fast')
      await writeAtomically(cached, bytes)
      await use(cached)
    }
    report[fastNow ? 'fast' : computed ? 'compressed' : 'reused']++
  })
  for (const entry of await fs.readdir(cacheDir))
    if (!used.has(entry)) await fs.rm(path.join(cacheDir, entry), { force: true })
  return report
}
