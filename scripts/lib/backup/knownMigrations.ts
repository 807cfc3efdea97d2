import fs from 'node:fs'
import path from 'node:path'

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../cms/migrations')

/**
 * Names of the migrations this version ships (cms/migrations/<name>.ts, as Payload reads them),
 * without loading them: their imports (the SQLite adapter) cost seconds of a restore.
 */
export function knownMigrations(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -'.ts'.length))
    .sort()
}
