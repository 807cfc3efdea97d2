import path from 'node:path'

export type DatabaseTarget =
  { kind: 'sqlite'; url: string; file: string } | { kind: 'mongodb'; url: string }

export const DEFAULT_DATABASE_URI = 'file:./data/leuchtturm.db'

export class DatabaseUriError extends Error {
  override name = 'DatabaseUriError'
}

/**
 * Reads DATABASE_URI: unset or `file:` selects the embedded SQLite file (relative paths resolve
 * against the working directory), `mongodb://` and `mongodb+srv://` select MongoDB.
 */
export function parseDatabaseUri(uri: string | undefined): DatabaseTarget {
  const value = uri?.trim() || DEFAULT_DATABASE_URI
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) {
    return { kind: 'mongodb', url: value }
  }
  if (value.startsWith('file:')) {
    const file = path.resolve(
      /* turbopackIgnore: true */ process.cwd(),
      value.slice('file:'.length).replace(/^\/\/(?=\/)/, ''),
    )
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]
  throw new DatabaseUriError(
    `DATABASE_URI: unsupported scheme "${scheme ?? value}" – use file:./data/leuchtturm.db (SQLite) or mongodb://… / mongodb+srv://… (MongoDB)`,
  )
}
