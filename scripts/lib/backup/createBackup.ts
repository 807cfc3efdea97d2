import fs from 'node:fs'
import path from 'node:path'
import { create } from 'tar'
import { archiveName } from './archiveName'
import { BackupError } from './backupError'
import { dataFiles, filesBelow } from './files'
import { databaseFiles, type DataLocations } from './locations'
import { ARCHIVE, BACKUP_FORMAT, type BackupManifest } from './manifest'
import { checkDatabase, snapshotDatabase } from './sqliteSnapshot'

export type BackupResult = { file: string; bytes: number; manifest: BackupManifest }

/**
 * Writes one archive into `backupDir`: a consistent copy of the database taken while the CMS may
 * be writing, then the media folder and the files directly in DATA_DIR, and a manifest. The
 * database goes first, so every upload it names is in the archive (a file uploaded meanwhile is
 * there too, unused). The archive appears under its final name only when complete.
 */
export async function createBackup(
  locations: DataLocations,
  backupDir: string,
  now = new Date(),
): Promise<BackupResult> {
  const { databaseFile, dataDir, mediaDir } = locations
  if (!fs.existsSync(databaseFile))
    throw new BackupError(
      `No database at ${databaseFile}: nothing to back up (check DATABASE_URI).`,
    )
  // Archives hold the database and the secret: owner-only, whatever the caller's umask.
  fs.mkdirSync(backupDir, { recursive: true, mode: 0o700 })
  const file = path.join(backupDir, archiveName(now))
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: not overwritten.`)
  const staging = fs.mkdtempSync(path.join(backupDir, '.leuchtturm-backup-'))
  const partial = `${file}.partial`
  try {
    const database = path.join(staging, ARCHIVE.database)
    await snapshotDatabase(databaseFile, database)
    const { integrity, migrations } = await checkDatabase(database)
    if (integrity !== 'ok')
      throw new BackupError(`The database copy fails its integrity check: ${integrity}`)

    // The archive packs one folder: the media folder enters through a link it follows. The list
    // is taken once, so the manifest counts exactly what is packed.
    const media = filesBelow(mediaDir)
    if (fs.existsSync(mediaDir)) fs.symlinkSync(mediaDir, path.join(staging, ARCHIVE.media), 'dir')
    const data = dataFiles(dataDir, databaseFiles(databaseFile))
    fs.mkdirSync(path.join(staging, ARCHIVE.data))
    for (const name of data)
      fs.copyFileSync(path.join(dataDir, name), path.join(staging, ARCHIVE.data, name))

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: now.toISOString(),
      database: { kind: 'sqlite', bytes: fs.statSync(database).size, migrations },
      files: { media: media.length, data },
    }
    fs.writeFileSync(path.join(staging, ARCHIVE.manifest), JSON.stringify(manifest, null, 2))
    await create({ gzip: true, file: partial, cwd: staging, follow: true, portable: true }, [
      ARCHIVE.manifest,
      ARCHIVE.database,
      ARCHIVE.data,
      ...media.map((name) => `${ARCHIVE.media}/${name}`),
    ])
    // A link, unlike a rename, never replaces an archive that appeared meanwhile.
    fs.chmodSync(partial, 0o600)
    fs.linkSync(partial, file)
    return { file, bytes: fs.statSync(file).size, manifest }
  } finally {
    fs.rmSync(partial, { force: true })
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
