import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { migrations } from '../migrations/index'
import { parseDatabaseUri } from './parseDatabaseUri'

/**
 * Picks the database adapter from DATABASE_URI. Nothing else in the project knows which one runs.
 * SQLite never pushes its schema outside `npm run dev`: the checked-in migrations define it.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  const target = parseDatabaseUri(uri)
  if (target.kind === 'mongodb') {
    return mongooseAdapter({ url: target.url })
  }
  return sqliteAdapter({
    client: { url: target.url },
    // NORMAL in WAL mode syncs at checkpoints, not at every commit: a crash of the process loses
    // nothing, a power cut at most the last moments; FULL spent ~12 ms of fsync per comment posted.
    wal: { synchronous: 'NORMAL' },
    busyTimeout: 5_000,
    // Off on purpose: libsql opens each transaction on a fresh connection without the busy timeout,
    // so a request and a running job collide with SQLITE_BUSY at once. Writes then go through one
    // connection, one at a time; endpoints validate everything before their first write.
    transactionOptions: false,
    push: process.env.PAYLOAD_DB_PUSH === 'true',
    migrationDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), 'cms/migrations'),
    prodMigrations: migrations,
  })
}
