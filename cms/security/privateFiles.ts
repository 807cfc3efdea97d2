import fs from 'node:fs'
import path from 'node:path'
import { parseDatabaseUri } from '../database/parseDatabaseUri'

/**
 * The data folder holds editors' password hashes, readers' addresses, the secret and the media:
 * readable by the owner only (folders 0700, files 0600).
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/**
 * Every file and folder this process creates from now on is owner-only: for processes that only
 * make data (bootstrap, backup, restore). Not for the ones that also build the site or the admin
 * (start, dev, the CMS server): a web server of another user must read those.
 */
export function keepDataPrivate(): void {
  process.umask(0o077)
}

/**
 * Creates DATA_DIR, MEDIA_DIR (0700) and the SQLite file (0600) where they are missing, before
 * the CMS opens them: libsql would create the database with the process's umask (world-readable),
 * and SQLite gives its -wal and -shm files the database file's mode.
 */
export function createPrivateDataFiles(
  env: Record<string, string | undefined> = process.env,
): void {
  const cwd = /* turbopackIgnore: true */ process.cwd()
  for (const dir of [env.DATA_DIR ?? 'data', env.MEDIA_DIR ?? 'data/media'])
    fs.mkdirSync(path.resolve(cwd, dir), { recursive: true, mode: PRIVATE_DIR_MODE })
  const target = parseDatabaseUri(env.DATABASE_URI)
  if (target.kind !== 'sqlite') return
  fs.mkdirSync(path.dirname(target.file), { recursive: true, mode: PRIVATE_DIR_MODE })
  // 'a': creates the file when missing, never truncates one that exists.
  fs.closeSync(fs.openSync(target.file, 'a', PRIVATE_FILE_MODE))
}

/**
 * Makes paths owner-only where they are not and returns what it changed: for a data folder made
 * before (an older version, another umask). `folders`: the folder and the files directly in it
 * (DATA_DIR may be any folder: its subfolders are not ours to change); `trees`: everything below
 * (MEDIA_DIR); `files`: single files (the database and its -wal/-shm).
 */
export function tightenModes({
  folders = [],
  trees = [],
  files = [],
}: {
  folders?: string[]
  trees?: string[]
  files?: string[]
}): string[] {
  const changed: string[] = []
  const tighten = (target: string, depth: number) => {
    let stat: fs.Stats
    try {
      stat = fs.lstatSync(target)
    } catch {
      return
    }
    if (stat.isSymbolicLink()) return
    if (stat.mode & 0o077) {
      fs.chmodSync(target, stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE)
      changed.push(target)
    }
    if (!stat.isDirectory() || depth === 0) return
    for (const entry of fs.readdirSync(target, { withFileTypes: true }))
      if (depth > 1 || !entry.isDirectory()) tighten(path.join(target, entry.name), depth - 1)
  }
  for (const folder of folders) tighten(path.resolve(folder), 1)
  for (const tree of trees) tighten(path.resolve(tree), Infinity)
  for (const file of files) tighten(path.resolve(file), 0)
  return [...new Set(changed)]
}
