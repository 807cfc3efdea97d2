import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBackup } from './createBackup'
import { knownMigrations } from './knownMigrations'
import type { DataLocations } from './locations'
import { restoreBackup } from './restoreBackup'

let dir: string
let source: DataLocations
let target: DataLocations
const at = (root: string): DataLocations => ({
  databaseFile: path.join(root, 'leuchtturm.db'),
  dataDir: root,
  mediaDir: path.join(root, 'media'),
})

/** A source data directory: a database that ran `migrations`, one upload, the secret. */
async function sourceData(migrations: string[]): Promise<void> {
  const db = createClient({ url: `file:${source.databaseFile}` })
  await db.execute('CREATE TABLE payload_migrations (id integer PRIMARY KEY, name text)')
  for (const name of migrations)
    await db.execute({ sql: 'INSERT INTO payload_migrations (name) VALUES (?)', args: [name] })
  db.close()
  fs.mkdirSync(path.join(source.mediaDir, 'sub'), { recursive: true })
  fs.writeFileSync(path.join(source.mediaDir, 'sub', 'bild.png'), 'png')
  fs.writeFileSync(path.join(source.dataDir, '.payload-secret'), 'geheim', { mode: 0o600 })
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-restore-'))
  source = at(path.join(dir, 'source'))
  target = at(path.join(dir, 'target'))
  fs.mkdirSync(source.dataDir)
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('restoreBackup', () => {
  it('brings database, media and secret back, and refuses a second time', async () => {
    await sourceData(knownMigrations())
    const { file } = await createBackup(source, path.join(dir, 'backups'))
    const { manifest } = await restoreBackup(file, target)
    expect(manifest.files).toEqual({ media: 1, data: ['.payload-secret'] })
    expect(fs.readFileSync(path.join(target.mediaDir, 'sub', 'bild.png'), 'utf8')).toBe('png')
    const secret = path.join(target.dataDir, '.payload-secret')
    expect(fs.readFileSync(secret, 'utf8')).toBe('geheim')
    expect(fs.statSync(secret).mode & 0o077).toBe(0)
    const db = createClient({ url: `file:${target.databaseFile}` })
    expect((await db.execute('SELECT name FROM payload_migrations')).rows).toHaveLength(
      knownMigrations().length,
    )
    db.close()
    await expect(restoreBackup(file, target)).rejects.toThrow(/^Refusing to restore: .* exists/)
  })

  it('refuses a backup of a newer version and writes nothing', async () => {
    await sourceData([...knownMigrations(), '20991231_000000_future'])
    const { file } = await createBackup(source, path.join(dir, 'backups'))
    await expect(restoreBackup(file, target)).rejects.toThrow(
      `${file} comes from a newer Leuchtturm (migrations 20991231_000000_future are unknown here): update first, nothing restored.`,
    )
    expect(fs.readdirSync(target.dataDir)).toEqual([])
  })
})
