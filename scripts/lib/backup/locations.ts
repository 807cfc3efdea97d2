import path from 'node:path'
import { parseDatabaseUri } from '../../../cms/database/parseDatabaseUri'
import { BackupError } from './backupError'

/** The places a backup reads and a restore fills, from the same env the CMS reads. */
export type DataLocations = {
  /** The SQLite file (DATABASE_URI). */
  databaseFile: string
  /** DATA_DIR: the generated secret and keys live directly in it. */
  dataDir: string
  /** MEDIA_DIR: uploaded files. */
  mediaDir: string
}

const MONGODB_HINT =
  'DATABASE_URI is MongoDB: back it up with `mongodump --uri "$DATABASE_URI" --archive=leuchtturm.gz --gzip` and restore with `mongorestore --uri "$DATABASE_URI" --archive=leuchtturm.gz --gzip` (or your provider\'s snapshots), and copy MEDIA_DIR beside it (README "Backup and restore").'

export function dataLocations(): DataLocations {
  const target = parseDatabaseUri(process.env.DATABASE_URI)
  if (target.kind === 'mongodb') throw new BackupError(MONGODB_HINT)
  return {
    databaseFile: target.file,
    dataDir: path.resolve(process.env.DATA_DIR ?? 'data'),
    mediaDir: path.resolve(process.env.MEDIA_DIR ?? 'data/media'),
  }
}

/** The SQLite file and the files SQLite keeps beside it while it is open. */
export function databaseFiles(databaseFile: string): string[] {
  return ['', '-wal', '-shm', '-journal'].map((suffix) => databaseFile + suffix)
}
