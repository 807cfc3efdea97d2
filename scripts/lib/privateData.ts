import path from 'node:path'
import { parseDatabaseUri } from '../../cms/database/parseDatabaseUri'
import { tightenModes } from '../../cms/security/privateFiles'
import { databaseFiles } from './backup/locations'

/**
 * Makes an existing data folder owner-only (DATA_DIR and its files, MEDIA_DIR, the SQLite files)
 * and says so in one line when it changed anything: folders made by an older version or under
 * another umask were world-readable.
 */
export function tightenDataModes(env: Record<string, string | undefined> = process.env): void {
  const target = parseDatabaseUri(env.DATABASE_URI)
  const changed = tightenModes({
    folders: [path.resolve(env.DATA_DIR ?? 'data')],
    trees: [path.resolve(env.MEDIA_DIR ?? 'data/media')],
    files: target.kind === 'sqlite' ? databaseFiles(target.file) : [],
  })
  if (changed.length)
    console.log(
      `Data files made readable by their owner only (folders 0700, files 0600): ${changed.length} path(s), e.g. ${path.relative(process.cwd(), changed[0]!) || changed[0]}.`,
    )
}
