import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** What every page is rendered with besides its data: the site's code, its content pages, the lockfile. */
const SOURCES = ['site', 'contract', 'content/pages', 'astro.config.mjs', 'package-lock.json']

const files = (root: string, entry: string): string[] => {
  const full = path.join(root, entry)
  const stat = fs.statSync(full, { throwIfNoEntry: false })
  if (!stat) return []
  if (stat.isFile()) return [entry]
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(entry, file))
    .filter((file) => !/\.test\.tsx?$/.test(file) && fs.statSync(path.join(root, file)).isFile())
    .sort()
}

/**
 * A digest of the code and the settings pages are rendered with. A build reuses pages of the last
 * one only when it is the same: a change of a component, a style or the site's address renders
 * every page again.
 */
export function inputsDigest(root: string, settings: Record<string, string | undefined>): string {
  const hash = createHash('sha256').update(JSON.stringify(settings))
  for (const file of SOURCES.flatMap((entry) => files(root, entry)))
    hash
      .update(`${file}\u0000`)
      .update(fs.readFileSync(path.join(root, file)))
      .update('\u0000')
  return hash.digest('base64url').slice(0, 22)
}
