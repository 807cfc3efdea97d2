/**
 * `npm run restore -- <archive>`: brings a backup of `npm run backup` back into the empty data
 * directory that DATABASE_URI, DATA_DIR and MEDIA_DIR name. Refuses (one line, exit 1) when
 * anything is there already or the archive is not a sound Leuchtturm backup; never overwrites.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { BackupError } from './lib/backup/backupError'
import { dataLocations } from './lib/backup/locations'
import { restoreBackup } from './lib/backup/restoreBackup'
import { runCommand } from './lib/backup/runCommand'
import { keepDataPrivate } from '../cms/security/privateFiles'

keepDataPrivate()

await runCommand(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true })
  if (positionals.length !== 1) throw new BackupError('Usage: npm run restore -- <archive>')
  const archive = path.resolve(positionals[0]!)
  const { manifest, locations } = await restoreBackup(archive, dataLocations())
  return (
    `Restored the backup of ${manifest.createdAt}: database ${locations.databaseFile}, ` +
    `${manifest.files.media} media file(s) in ${locations.mediaDir}, ` +
    `${manifest.files.data.length} data file(s) in ${locations.dataDir}. Start with npm start.`
  )
})
