import fs from 'node:fs'
import path from 'node:path'
import { z } from 'astro/zod'
import { BUILD_CACHE_DIR } from '../lib/buildCache'

/**
 * What the incremental build keeps between builds, in the build cache (see keptPages.ts):
 * - the last finished build: its folder, the digest of the code and settings it was built with,
 *   and every keyed page it holds (`/blog/x/` -> key);
 * - this build's planned pages (written while Astro asks each route for its paths);
 * and, in the build's process, this build's base: that build, when its pages can be kept.
 */
const pagesSchema = z.record(z.string(), z.string())
const buildSchema = z.object({ dir: z.string(), inputs: z.string(), pages: pagesSchema })
export type PageKeys = z.infer<typeof pagesSchema>
export type FinishedBuild = z.infer<typeof buildSchema>

const LAST_BUILD = path.join(BUILD_CACHE_DIR, 'leuchtturm-last-build.json')
// A process-wide slot: the integrations and the pages' bundle are separate module instances.
const BASE = Symbol.for('leuchtturm.keptPagesBase')
const slot = globalThis as { [BASE]?: FinishedBuild | null }
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

/**
 * The build this one keeps pages from: `null` when there is none, `undefined` outside a build
 * (`astro dev`, which renders every page on request). Set by the build's first hook.
 */
export const buildBase = (): FinishedBuild | null | undefined => slot[BASE]
export const setBuildBase = (build: FinishedBuild | null) => (slot[BASE] = build)

export const readPlanned = (): PageKeys => read(PLANNED, pagesSchema) ?? {}
export const writePlanned = (pages: PageKeys) => write(PLANNED, pages)
