/**
 * `npm run backup [-- <dir>]`: one dated archive of the SQLite database (a consistent copy, taken
 * while the site runs), MEDIA_DIR and the secret files in DATA_DIR, into <dir> (default BACKUP_DIR,
 * else `backups`). Refuses for MongoDB with the mongodump command to use instead.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { BackupError } from './lib/backup/backupError'
import { createBackup } from './lib/backup/createBackup'
import { formatBytes } from './lib/backup/formatBytes'
import { dataLocations } from './lib/backup/locations'
import { runCommand } from './lib/backup/runCommand'
import { keepDataPrivate } from '../cms/security/privateFiles'

// The archive holds the database and the secret: owner-only, like the data folder.
keepDataPrivate()

await runCommand(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true })
  if (positionals.length > 1) throw new BackupError('Usage: npm run backup [-- <target folder>]')
  const backupDir = path.resolve(positionals[0] ?? process.env.BACKUP_DIR ?? 'backups')
  const started = performance.now()
  const { file, bytes, manifest } = await createBackup(dataLocations(), backupDir)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const shown = path.relative(process.cwd(), file)
  return (
    `Backup written: ${shown.startsWith('..') ? file : shown} (${formatBytes(bytes)}: ` +
    `database ${formatBytes(manifest.database.bytes)}, ${manifest.files.media} media file(s), ` +
    `${manifest.files.data.length} data file(s); ${seconds} s)`
  )
})
