import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { payloadSecret } from './secret'

let dataDir: string

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-secret-'))
  vi.stubEnv('DATA_DIR', dataDir)
  vi.stubEnv('PAYLOAD_SECRET', '')
})
afterEach(() => {
  vi.unstubAllEnvs()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('payloadSecret', () => {
  it('uses PAYLOAD_SECRET when it is set, without surrounding whitespace, and writes no file', () => {
    vi.stubEnv('PAYLOAD_SECRET', '  aus-der-umgebung \n')
    expect(payloadSecret()).toBe('aus-der-umgebung')
    expect(fs.readdirSync(dataDir)).toEqual([])
  })

  it('without one, creates a random secret readable by the owner only, and reuses it on every later start', () => {
    const first = payloadSecret()
    const file = path.join(dataDir, '.payload-secret')
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first)
    expect(fs.statSync(file).mode & 0o077).toBe(0)
    expect(payloadSecret()).toBe(first)
  })

  it('gives a fresh data folder a different secret', () => {
    const first = payloadSecret()
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-secret-'))
    try {
      vi.stubEnv('DATA_DIR', otherDir)
      expect(payloadSecret()).not.toBe(first)
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true })
    }
  })

  it('creates the data folder when it does not exist yet', () => {
    vi.stubEnv('DATA_DIR', path.join(dataDir, 'neu', 'data'))
    const secret = payloadSecret()
    expect(fs.readFileSync(path.join(dataDir, 'neu', 'data', '.payload-secret'), 'utf8')).toBe(
      secret,
    )
  })
})
