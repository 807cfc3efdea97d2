import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from '../migrations/index'
import { parseDatabaseUri } from './parseDatabaseUri'
import { serializeWrites } from './serializeWrites'

/** A write waiting this long for the in-process write lock fails (a deadlock ends as an error). */
const WRITE_LOCK_TIMEOUT_MS = 15_000

/**
 * Picks the database adapter from DATABASE_URI. Nothing else in the project knows which one runs.
 * SQLite never pushes its schema outside `npm run dev`: the checked-in migrations define it.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  const target = parseDatabaseUri(uri)
  if (target.kind === 'mongodb') {
    return mongooseAdapter({ url: target.url })
  }
  const adapter = sqliteAdapter({
    client: { url: target.url },
    // NORMAL in WAL mode syncs at checkpoints, not at every commit: a crash of the process loses
    // nothing, a power cut at most the last moments; FULL spent ~12 ms of fsync per comment posted.
    wal: { synchronous: 'NORMAL' },
    // Other processes on the same file (a second CMS, a backup) wait this long, not fail.
    busyTimeout: 5_000,
    // Every write operation (and every endpoint's inTransaction) is one transaction: libsql's own
    // transactions are replaced by serializeWrites (a write lock in this process, a writing and a
    // reading connection), so a request and a running job wait for each other instead of colliding.
    transactionOptions: { behavior: 'immediate' },
    push: process.env.PAYLOAD_DB_PUSH === 'true',
    migrationDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), 'cms/migrations'),
    prodMigrations: migrations,
  })
  return serializeWrites(adapter, WRITE_LOCK_TIMEOUT_MS)
}
