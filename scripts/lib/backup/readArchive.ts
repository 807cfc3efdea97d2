import fs from 'node:fs'
import path from 'node:path'
import { extract, list } from 'tar'
import { BackupError } from './backupError'
import { ARCHIVE, backupManifest, type BackupManifest } from './manifest'

/** Paths a Leuchtturm archive may hold; anything else means it is some other archive. */
function allowedPath(entry: string): boolean {
  const name = entry.replace(/\/$/, '')
  return (
    name === ARCHIVE.manifest ||
    name === ARCHIVE.database ||
    name === ARCHIVE.data ||
    name === ARCHIVE.media ||
    new RegExp(`^${ARCHIVE.data}/[^/]+$`).test(name) ||
    (name.startsWith(`${ARCHIVE.media}/`) && !name.split('/').includes('..'))
  )
}

const notABackup = (archive: string, why: string) =>
  new BackupError(`${archive} is not a Leuchtturm backup or is damaged (${why}): nothing restored.`)

/**
 * Unpacks a backup into the empty folder `into` after checking every entry: only files and
 * folders at the paths a backup writes (no links, nothing outside), and a valid manifest.
 */
export async function unpackArchive(archive: string, into: string): Promise<BackupManifest> {
  if (!fs.statSync(archive, { throwIfNoEntry: false })?.isFile())
    throw new BackupError(`${archive}: no such file.`)
  const refused: string[] = []
  const tarError = (error: unknown) =>
    notABackup(archive, error instanceof Error ? error.message : String(error))
  await list({
    file: archive,
    strict: true,
    onReadEntry: (entry) => {
      if (!['File', 'OldFile', 'Directory'].includes(entry.type) || !allowedPath(entry.path))
        refused.push(entry.path)
    },
  }).catch((error: unknown) => {
    throw tarError(error)
  })
  if (refused.length > 0) throw notABackup(archive, `unexpected entry ${refused[0]}`)
  await extract({ file: archive, cwd: into, strict: true }).catch((error: unknown) => {
    throw tarError(error)
  })

  const manifestFile = path.join(into, ARCHIVE.manifest)
  if (!fs.existsSync(manifestFile)) throw notABackup(archive, `no ${ARCHIVE.manifest}`)
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
  } catch {
    throw notABackup(archive, `${ARCHIVE.manifest} is not JSON`)
  }
  const manifest = backupManifest.safeParse(json)
  if (!manifest.success) throw notABackup(archive, `${ARCHIVE.manifest} is not a backup manifest`)
  if (!fs.existsSync(path.join(into, ARCHIVE.database)))
    throw notABackup(archive, `no ${ARCHIVE.database}`)
  return manifest.data
}
