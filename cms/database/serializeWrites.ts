import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { SerializedClient } from './serializedClient'

/**
 * Gives Payload's SQLite adapter a client whose transactions hold an in-process write lock
 * (serializedClient.ts), set before the adapter connects (it then keeps it instead of opening
 * its own). `lockTimeoutMs` bounds every wait for the lock.
 */
export function serializeWrites(
  adapter: DatabaseAdapterObj<SQLiteAdapter>,
  lockTimeoutMs: number,
): DatabaseAdapterObj<SQLiteAdapter> {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const connect = db.connect
      db.connect = async (options) => {
        db.client ??= await SerializedClient.open(
          db.clientConfig,
          { busyTimeoutMs: db.busyTimeout, wal: db.wal },
          lockTimeoutMs,
        )
        return connect?.call(db, options)
      }
      return db
    },
  }
}
