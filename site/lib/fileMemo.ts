import fs from 'node:fs'
import path from 'node:path'
import { z } from 'astro/zod'

/**
 * What a step after Astro (security headers, precompression) learned from each file of a build,
 * kept in the build cache so the next build does not read the files it did not change. A file is
 * known to be the same bytes without reading it when it is
 * - a page kept from the last build (site/incremental/): a hard link to the file seen then, so it
 *   still has the size, mtime and inode recorded (a page rendered again is a new file), or
 * - a bundled asset under `_astro/`, whose name carries a hash of its content.
 * Any other file (pages rendered by this build, public files, what integrations write) is read.
 */
export class FileMemo<T> {
  readonly #store: string
  readonly #before: Map<string, { id: string; value: T }>
  readonly #next = new Map<string, { id: string; value: T }>()

  constructor(
    private readonly cacheDir: string,
    private readonly root: string,
    name: string,
    valueSchema: z.ZodType<T>,
  ) {
    this.#store = path.join(cacheDir, `${name}.json`)
    const remembered = memory.get(this.#store)
    this.#before =
      remembered && remembered.file === fileStamp(this.#store)
        ? (remembered.entries as Map<string, { id: string; value: T }>)
        : readStore(this.#store, valueSchema)
  }

  /** The value for `file` (relative to the build's root, `/`-separated): remembered, or `compute`d. */
  async get(file: string, compute: () => Promise<T>): Promise<T> {
    const id = this.#identity(file)
    const known = id === undefined ? undefined : this.#before.get(file)
    const value = known && known.id === id ? known.value : await compute()
    if (id !== undefined) this.#next.set(file, { id, value })
    return value
  }

  /**
   * For a file kept from the last build (the same inode, site/incremental/): what was learned of it
   * then, without even a stat; `compute`d when nothing was.
   */
  async kept(file: string, compute: () => Promise<T>): Promise<T> {
    const known = this.#before.get(file)
    if (!known) return this.get(file, compute)
    this.#next.set(file, known)
    return known.value
  }

  /** Keeps what this build saw (and only that) for the next build. */
  save(): void {
    fs.mkdirSync(this.cacheDir, { recursive: true })
    const temporary = `${this.#store}.${process.pid}.tmp`
    fs.writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.#next)))
    fs.renameSync(temporary, this.#store)
    memory.set(this.#store, { file: fileStamp(this.#store), entries: this.#next })
  }

  // Synchronous: stat answers from the kernel's cache, and a few thousand awaited ones cost ~0.3 s.
  #identity(file: string): string | undefined {
    const own = fs.statSync(path.join(this.root, file), { bigint: true, throwIfNoEntry: false })
    if (!own) return undefined
    if (file.startsWith('_astro/')) return `asset ${own.size}`
    return `file ${own.size} ${own.mtimeNs} ${own.ino}`
  }
}

/**
 * What the last build of this process saved, so the next one does not parse it again (5 MB at
 * 10,000 articles); used only while the file is the one it wrote (a CLI build may have replaced it).
 */
const MEMORY = Symbol.for('leuchtturm.fileMemos')
const slot = globalThis as {
  [MEMORY]?: Map<string, { file: string | undefined; entries: Map<string, unknown> }>
}
const memory = (slot[MEMORY] ??= new Map())
const fileStamp = (file: string) => {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false })
  return stat && `${stat.size} ${stat.mtimeNs} ${stat.ino}`
}

function readStore<T>(file: string, valueSchema: z.ZodType<T>) {
  try {
    const store = z
      .record(z.string(), z.object({ id: z.string(), value: valueSchema }))
      .parse(JSON.parse(fs.readFileSync(file, 'utf8')))
    return new Map(Object.entries(store) as [string, { id: string; value: T }][])
  } catch {
    return new Map<string, { id: string; value: T }>()
  }
}
