import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dataFiles } from './files'
import { databaseFiles } from './locations'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-data-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('dataFiles', () => {
  it('takes the secret and keys, not the database, folders or older backups', () => {
    for (const name of [
      '.payload-secret',
      'unsubscribe.key',
      'leuchtturm.db',
      'leuchtturm.db-wal',
      'leuchtturm.db-shm',
      'leuchtturm-2026-12-02T041233Z.tar.gz',
    ])
      fs.writeFileSync(path.join(dir, name), 'x')
    fs.mkdirSync(path.join(dir, 'media'))
    expect(dataFiles(dir, databaseFiles(path.join(dir, 'leuchtturm.db')))).toEqual([
      '.payload-secret',
      'unsubscribe.key',
    ])
  })

  it('is empty for a data folder that does not exist', () => {
    expect(dataFiles(path.join(dir, 'fehlt'), [])).toEqual([])
  })
})
