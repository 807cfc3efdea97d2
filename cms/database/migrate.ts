import type { Migration, Payload } from 'payload'
import { migrations } from '../migrations/index'
import { parseDatabaseUri } from './parseDatabaseUri'

export class UnknownMigrationsError extends Error {
  override name = 'UnknownMigrationsError'
}

/**
 * Brings the schema up to date. SQLite runs the checked-in migrations; MongoDB needs none.
 * Callers stay adapter-agnostic: they always call this after opening Payload.
 */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (parseDatabaseUri(process.env.DATABASE_URI).kind !== 'sqlite') return
  const known = new Set(migrations.map((m) => m.name))
  const unknown = (await recordedMigrations(payload)).filter(
    (name) => name !== 'dev' && !known.has(name),
  )
  // A database from a pre-release build (its migrations were squashed since) would fail on "table exists".
  if (unknown.length > 0) {
    throw new UnknownMigrationsError(
      `The database was created by an older pre-release (migrations ${unknown.join(', ')} are unknown). ` +
        'Move data/leuchtturm.db* aside and start again (content/articles is imported anew), or see README "Upgrading a pre-release database".',
    )
  }
  // Payload's generated migration list is typed per adapter; the base adapter takes the generic form.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}

/** Names of the migrations a database has run; none when it is new (Payload has not made its table yet). */
async function recordedMigrations(payload: Payload): Promise<string[]> {
  try {
    const { docs } = await payload.find({
      collection: 'payload-migrations',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    return docs.flatMap((d) => (d.name ? [d.name] : []))
  } catch {
    return []
  }
}
