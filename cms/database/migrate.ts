import type { Migration, Payload } from 'payload'
import { migrations } from '../migrations/index'
import { parseDatabaseUri } from './parseDatabaseUri'

/**
 * Brings the schema up to date. SQLite runs the checked-in migrations; MongoDB needs none.
 * Callers stay adapter-agnostic: they always call this after opening Payload.
 */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (parseDatabaseUri(process.env.DATABASE_URI).kind === 'sqlite') {
    // Payload's generated migration list is typed per adapter; the base adapter takes the generic form.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
}
