import { createClient, type Client } from '@libsql/client'

/** How long a backup's read waits for a writer's lock (a checkpoint) before giving up. */
const BUSY_TIMEOUT_MS = 10_000

async function withDatabase<T>(file: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    return await use(client)
  } finally {
    client.close()
  }
}

/**
 * Writes a consistent copy of the live database to `target` (which must not exist). VACUUM INTO
 * reads in one transaction: in WAL mode writers go on meanwhile, and the copy is the database as
 * of the moment it began, compacted, without a WAL beside it.
 */
export async function snapshotDatabase(source: string, target: string): Promise<void> {
  await withDatabase(source, (client) =>
    client.execute({ sql: 'VACUUM INTO ?', args: [target] }).then(() => undefined),
  )
}

export type DatabaseCheck = { integrity: string; migrations: string[] }

/** `PRAGMA integrity_check` ("ok" when sound) and the migrations the database has run. */
export async function checkDatabase(file: string): Promise<DatabaseCheck> {
  return withDatabase(file, async (client) => {
    const integrity = (await client.execute('PRAGMA integrity_check')).rows
      .map((row) => String(row[0]))
      .join('; ')
    const tables = await client.execute(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'",
    )
    const migrations =
      tables.rows.length === 0
        ? []
        : (await client.execute('SELECT name FROM payload_migrations ORDER BY id')).rows.map(
            (row) => String(row[0]),
          )
    return { integrity, migrations }
  })
}
