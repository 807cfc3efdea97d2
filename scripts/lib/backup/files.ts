import fs from 'node:fs'
import path from 'node:path'
import { ARCHIVE_NAME } from './archiveName'

/** Regular files below `dir`, as paths relative to it (none when it does not exist). */
export function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

/** True when `dir` does not exist or holds nothing. */
export function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0
}

/**
 * The files directly in DATA_DIR that belong in a backup: the generated `.payload-secret` and any
 * other key the CMS keeps there. Folders (media, builds, caches), the database's own files and
 * backup archives are not among them.
 */
export function dataFiles(dataDir: string, exclude: string[]): string[] {
  if (!fs.existsSync(dataDir)) return []
  const skip = new Set(exclude.map((file) => path.resolve(file)))
  return fs
    .readdirSync(dataDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        !ARCHIVE_NAME.test(entry.name) &&
        !skip.has(path.resolve(dataDir, entry.name)),
    )
    .map((entry) => entry.name)
    .sort()
}
