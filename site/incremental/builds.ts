import fs from 'node:fs'
import path from 'node:path'
import { z } from 'astro/zod'
import { BUILD_CACHE_DIR } from '../lib/buildCache'

/**
 * What the incremental build keeps between builds, in the build cache (see keptPages.ts):
 * - the last finished build: its folder, the digest of the code and settings it was built with,
 *   and every keyed page it holds (`/blog/x/` -> key);
 * - this build's planned pages (written while Astro asks each route for its paths);
 * and, in the build's process, this build: its folder, its base (the last build, when its pages
 * can be kept) and its kept pages, staged or being linked.
 */
const pagesSchema = z.record(z.string(), z.string())
const buildSchema = z.object({ dir: z.string(), inputs: z.string(), pages: pagesSchema })
export type PageKeys = z.infer<typeof pagesSchema>
export type FinishedBuild = z.infer<typeof buildSchema>

const LAST_BUILD = path.join(BUILD_CACHE_DIR, 'leuchtturm-last-build.json')
// A process-wide slot: the integrations and the pages' bundle are separate module instances.
const THIS_BUILD = Symbol.for('leuchtturm.thisBuild')
const slot = globalThis as { [THIS_BUILD]?: ThisBuild }
const PLANNED = path.join(BUILD_CACHE_DIR, 'leuchtturm-planned.json')

function read<T>(file: string, schema: z.ZodType<T>): T | undefined {
  try {
    return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  } catch {
    return undefined
  }
}

function write(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value))
  fs.renameSync(`${file}.tmp`, file)
}

export const readLastBuild = () => read(LAST_BUILD, buildSchema)
export const writeLastBuild = (build: FinishedBuild) => write(LAST_BUILD, build)
/** After a build whose kept pages could not be linked: the next one renders everything. */
export const forgetLastBuild = () => fs.rmSync(LAST_BUILD, { force: true })

export type ThisBuild = {
  outDir: string
  /** the build pages are kept from (null: every page is rendered) */
  base: FinishedBuild | null
  /**
   * The kept pages' files, when the build started with the last build's pages in place (linked
   * between builds, stagedPages.ts): each page rendered or dropped is taken out (keptPages.ts).
   */
  staged: Set<string> | undefined
  /** else: the kept pages' files being linked while Astro renders, awaited when it is done */
  linking: Promise<string[]>[]
}

/** The build in progress, set by its first hook; `undefined` in `astro dev` (no build). */
export const thisBuild = (): ThisBuild | undefined => slot[THIS_BUILD]
export const startBuild = (build: ThisBuild) => (slot[THIS_BUILD] = build)

export const readPlanned = (): PageKeys => read(PLANNED, pagesSchema) ?? {}
export const writePlanned = (pages: PageKeys) => write(PLANNED, pages)
