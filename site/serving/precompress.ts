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
const ENCODINGS = {
  br: (data: Buffer) =>
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
  gz: (data: Buffer) => gzip(data, { level: 9 }),
} as const
type Extension = keyof typeof ENCODINGS

export type CompressReport = { files: number; compressed: number; reused: number }

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

/** A hard link where the cache and the build share a disk (no copy), else a copy. */
async function place(cached: string, target: string) {
  try {
    await fs.link(cached, target)
  } catch {
    await fs.copyFile(cached, target)
  }
}

/**
 * Writes `<file>.br` (brotli, max quality) and `<file>.gz` (gzip -9) next to every compressible file
 * of at least MIN_BYTES under `root`, where it shrinks. Builds go to a new folder each time and most
 * files equal the last build's, so the compressed bytes are cached by the SHA-256 of the content in
 * `cacheDir` (`<sha>.br`, `<sha>.gz`; `<sha>.none` when an encoding does not shrink the file) and
 * reused; entries the build did not use are removed.
 */
export async function precompress(root: string, cacheDir: string): Promise<CompressReport> {
  await fs.mkdir(cacheDir, { recursive: true })
  const files = (await fs.readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
  const used = new Set<string>()
  const report: CompressReport = { files: 0, compressed: 0, reused: 0 }
  await eachLimited(files, os.availableParallelism() * 2, async (file) => {
    const data = await fs.readFile(file)
    if (data.length < MIN_BYTES) return
    report.files++
    const sha = createHash('sha256').update(data).digest('hex')
    let fresh = false
    for (const extension of Object.keys(ENCODINGS) as Extension[]) {
      const target = `${file}.${extension}`
      await fs.rm(target, { force: true }) // a build into an old folder: no stale variant stays
      const cached = path.join(cacheDir, `${sha}.${extension}`)
      const none = path.join(cacheDir, `${sha}.${extension}.none`)
      for (const entry of [cached, none]) used.add(path.basename(entry))
      const known = await fs.stat(cached).then(
        () => true,
        () =>
          fs.stat(none).then(
            () => false,
            () => undefined,
          ),
      )
      if (known === false) continue
      if (known === undefined) {
        fresh = true
        const bytes = await ENCODINGS[extension](data)
        if (bytes.length >= data.length) {
          await writeAtomically(none, Buffer.alloc(0))
          continue
        }
        await writeAtomically(cached, bytes)
      }
      await place(cached, target)
    }
    if (fresh) report.compressed++
    else report.reused++
  })
  for (const entry of await fs.readdir(cacheDir))
    if (!used.has(entry)) await fs.rm(path.join(cacheDir, entry), { force: true })
  return report
}
