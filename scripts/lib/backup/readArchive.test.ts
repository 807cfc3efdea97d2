import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { create } from 'tar'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BackupError } from './backupError'
import { ARCHIVE, BACKUP_FORMAT, type BackupManifest } from './manifest'
import { unpackArchive } from './readArchive'

let dir: string
let source: string
let into: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-archive-'))
  source = path.join(dir, 'source')
  into = path.join(dir, 'into')
  fs.mkdirSync(path.join(source, ARCHIVE.media), { recursive: true })
  fs.mkdirSync(into)
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: '2026-12-02T04:12:33.000Z',
    database: { kind: 'sqlite', bytes: 4, migrations: [] },
    files: { media: 1, data: [] },
  }
  fs.writeFileSync(path.join(source, ARCHIVE.manifest), JSON.stringify(manifest))
  fs.writeFileSync(path.join(source, ARCHIVE.database), 'db!!')
  fs.writeFileSync(path.join(source, ARCHIVE.media, 'bild.png'), 'png')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

async function pack(entries: string[]): Promise<string> {
  const file = path.join(dir, 'backup.tar.gz')
  await create({ gzip: true, file, cwd: source }, entries)
  return file
}

describe('unpackArchive', () => {
  it('unpacks a backup and answers its manifest', async () => {
    const file = await pack([ARCHIVE.manifest, ARCHIVE.database, ARCHIVE.media])
    expect((await unpackArchive(file, into)).files.media).toBe(1)
    expect(fs.readFileSync(path.join(into, ARCHIVE.media, 'bild.png'), 'utf8')).toBe('png')
  })

  it('refuses a link inside the archive and writes nothing', async () => {
    fs.symlinkSync('/etc/passwd', path.join(source, ARCHIVE.media, 'passwd'))
    const file = await pack([ARCHIVE.manifest, ARCHIVE.database, ARCHIVE.media])
    await expect(unpackArchive(file, into)).rejects.toThrow(
      new BackupError(
        `${file} is not a Leuchtturm backup or is damaged (unexpected entry media/passwd): nothing restored.`,
      ),
    )
    expect(fs.readdirSync(into)).toEqual([])
  })

  it('refuses entries outside the places a backup writes', async () => {
    fs.writeFileSync(path.join(source, 'extra.sh'), 'echo')
    const file = await pack([ARCHIVE.manifest, ARCHIVE.database, 'extra.sh'])
    await expect(unpackArchive(file, into)).rejects.toThrow(/unexpected entry extra\.sh/)
  })

  it('refuses an archive whose manifest is not a backup manifest', async () => {
    fs.writeFileSync(path.join(source, ARCHIVE.manifest), JSON.stringify({ format: 'zip' }))
    const file = await pack([ARCHIVE.manifest, ARCHIVE.database])
    await expect(unpackArchive(file, into)).rejects.toThrow(
      /\(manifest\.json is not a backup manifest\)/,
    )
  })
})
