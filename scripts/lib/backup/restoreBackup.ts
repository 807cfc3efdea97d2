import fs from 'node:fs'
import path from 'node:path'
import { BackupError } from './backupError'
import { filesBelow, isEmptyDir } from './files'
import { knownMigrations } from './knownMigrations'
import { databaseFiles, type DataLocations } from './locations'
import { tightenModes } from '../../../cms/security/privateFiles'
import { ARCHIVE, type BackupManifest } from './manifest'
import { unpackArchive } from './readArchive'
import { checkDatabase } from './sqliteSnapshot'

const refuse = (why: string) =>
  new BackupError(
    `Refusing to restore: ${why}. Restore into an empty data directory; nothing was changed.`,
  )

/** The target holds no database and no media yet (checked before anything is unpacked). */
function assertEmptyTarget({ databaseFile, mediaDir }: DataLocations): void {
  const existing = databaseFiles(databaseFile).find((file) => fs.existsSync(file))
  if (existing) throw refuse(`${existing} already exists`)
  if (!isEmptyDir(mediaDir)) throw refuse(`the media folder ${mediaDir} is not empty`)
}

/** The unpacked archive is whole (as its manifest says), sound, and not from a newer version. */
async function assertRestorable(
  archive: string,
  staged: string,
  manifest: BackupManifest,
): Promise<void> {
  const damaged = (why: string) =>
    new BackupError(`${archive} is damaged (${why}): nothing restored.`)
  const media = filesBelow(path.join(staged, ARCHIVE.media)).length
  if (media !== manifest.files.media)
    throw damaged(`${media} media files, the manifest lists ${manifest.files.media}`)
  const missing = manifest.files.data.find(
    (name) => !fs.existsSync(path.join(staged, ARCHIVE.data, name)),
  )
  if (missing) throw damaged(`${ARCHIVE.data}/${missing} is missing`)
  const { integrity, migrations: ran } = await checkDatabase(path.join(staged, ARCHIVE.database))
  if (integrity !== 'ok') throw damaged(`database integrity check: ${integrity}`)
  if (ran.join() !== manifest.database.migrations.join())
    throw damaged('the database does not match its manifest')
  // A newer version's schema would not start here; an older one is migrated on start.
  const known = new Set(knownMigrations())
  const unknown = ran.filter((name) => name !== 'dev' && !known.has(name))
  if (unknown.length > 0)
    throw new BackupError(
      `${archive} comes from a newer Leuchtturm (migrations ${unknown.join(', ')} are unknown here): update first, nothing restored.`,
    )
}

export type RestoreResult = { manifest: BackupManifest; locations: DataLocations }

/**
 * Brings a backup back into an empty data directory. Refuses, before writing anything, when the
 * database or a data file exists or the media folder holds files, and when the archive is not a
 * sound Leuchtturm backup. Never overwrites: every file is created exclusively, the database last
 * (it appears whole, by a link), so a restore cut short is never mistaken for a complete one.
 */
export async function restoreBackup(
  archive: string,
  locations: DataLocations,
): Promise<RestoreResult> {
  const { databaseFile, dataDir, mediaDir } = locations
  assertEmptyTarget(locations)
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true, mode: 0o700 })
  // Beside the database, so its final link stays on one file system.
  const staged = fs.mkdtempSync(path.join(path.dirname(databaseFile), '.leuchtturm-restore-'))
  try {
    const manifest = await unpackArchive(archive, staged)
    await assertRestorable(archive, staged, manifest)
    const clash = manifest.files.data.find((name) => fs.existsSync(path.join(dataDir, name)))
    if (clash) throw refuse(`${path.join(dataDir, clash)} already exists`)

    const stagedMedia = path.join(staged, ARCHIVE.media)
    if (fs.existsSync(stagedMedia))
      fs.cpSync(stagedMedia, mediaDir, { recursive: true, force: false, errorOnExist: true })
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    for (const name of manifest.files.data) {
      const target = path.join(dataDir, name)
      fs.copyFileSync(path.join(staged, ARCHIVE.data, name), target, fs.constants.COPYFILE_EXCL)
      // Secrets stay readable by the owner only, whatever the umask did while unpacking.
      fs.chmodSync(target, 0o600)
    }
    fs.linkSync(path.join(staged, ARCHIVE.database), databaseFile)
    // Owner-only, whatever the umask did while unpacking (cms/security/privateFiles.ts).
    tightenModes({ folders: [dataDir], trees: [mediaDir], files: [databaseFile] })
    return { manifest, locations }
  } finally {
    fs.rmSync(staged, { recursive: true, force: true })
  }
}
