import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const SKIP = new Set(['node_modules', '.next', '.astro', 'dist', 'data'])

function* files(entry: string): Generator<string> {
  const stat = fs.statSync(entry, { throwIfNoEntry: false })
  if (!stat) return
  if (stat.isFile()) {
    yield entry
    return
  }
  for (const name of fs.readdirSync(entry).sort()) {
    if (!SKIP.has(name)) yield* files(path.join(entry, name))
  }
}

/** A content hash of files and folders (plus extra strings): equal fingerprints mean nothing to rebuild. */
export function fingerprint(entries: string[], extra: string[] = []): string {
  const hash = createHash('sha256')
  for (const entry of entries) {
    for (const file of files(entry))
      hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0')
  }
  for (const value of extra) hash.update(value).update('\0')
  return hash.digest('hex')
}

/** Runs `build` unless the stamp file already holds this fingerprint; writes it after a success. */
export async function buildIfStale(
  stampFile: string,
  print: string,
  build: () => Promise<void>,
): Promise<boolean> {
  const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : ''
  if (previous === print) return false
  await build()
  fs.mkdirSync(path.dirname(stampFile), { recursive: true })
  fs.writeFileSync(stampFile, print)
  return true
}
