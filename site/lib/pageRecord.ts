import fs from 'node:fs'
import path from 'node:path'
import { z } from 'astro/zod'
import { BUILD_CACHE_DIR } from './buildCache'

/**
 * Per published article, what the build planned (buildPlan.ts): its pages' key, its number of
 * comment pages and its title (for its sharing image, site/og/). Kept in the build cache: the next
 * build compares keys with it; integrations read this build's after rendering.
 */
const RECORD = path.join(BUILD_CACHE_DIR, 'leuchtturm-pages.json')
const pageRecord = z.record(
  z.string(),
  z.object({
    key: z.string(),
    commentPages: z.number().int().positive(),
    title: z.string(),
  }),
)
export type PageRecord = z.infer<typeof pageRecord>

/** The record of the last build that planned (empty when there is none). */
export function readPageRecord(): PageRecord {
  try {
    return pageRecord.parse(JSON.parse(fs.readFileSync(RECORD, 'utf8')))
  } catch {
    return {}
  }
}

export function writePageRecord(record: PageRecord): void {
  fs.mkdirSync(BUILD_CACHE_DIR, { recursive: true })
  fs.writeFileSync(`${RECORD}.tmp`, JSON.stringify(record))
  fs.renameSync(`${RECORD}.tmp`, RECORD)
}
