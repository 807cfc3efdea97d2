import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { tightenModes } from './privateFiles'

let dir = ''
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))
const mode = (file: string) => fs.statSync(file).mode & 0o777

it('makes a world-readable data folder owner-only, leaving foreign subfolders alone', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-modes-'))
  const data = path.join(dir, 'data')
  const media = path.join(data, 'media', '2026')
  const other = path.join(data, 'not-ours')
  fs.mkdirSync(media, { recursive: true, mode: 0o755 })
  fs.mkdirSync(other, { mode: 0o755 })
  for (const file of ['leuchtturm.db', 'leuchtturm.db-wal', '.payload-secret'])
    fs.writeFileSync(path.join(data, file), 'x', { mode: 0o644 })
  fs.writeFileSync(path.join(media, 'bild.png'), 'x', { mode: 0o644 })
  fs.writeFileSync(path.join(other, 'datei'), 'x', { mode: 0o644 })
  fs.chmodSync(data, 0o755)
  fs.chmodSync(path.join(data, 'media'), 0o755)

  const changed = tightenModes({
    folders: [data],
    trees: [path.join(data, 'media')],
    files: [path.join(data, 'leuchtturm.db'), path.join(data, 'leuchtturm.db-shm')],
  })
  expect(mode(data)).toBe(0o700)
  expect(mode(path.join(data, 'leuchtturm.db'))).toBe(0o600)
  expect(mode(path.join(data, 'leuchtturm.db-wal'))).toBe(0o600)
  expect(mode(path.join(data, '.payload-secret'))).toBe(0o600)
  expect(mode(path.join(data, 'media'))).toBe(0o700)
  expect(mode(media)).toBe(0o700)
  expect(mode(path.join(media, 'bild.png'))).toBe(0o600)
  expect(mode(other)).toBe(0o755)
  expect(mode(path.join(other, 'datei'))).toBe(0o644)
  expect(changed).toHaveLength(7)
  // A second run finds nothing to do (the start prints its notice only when it changed something).
  expect(tightenModes({ folders: [data], trees: [path.join(data, 'media')] })).toEqual([])
})
