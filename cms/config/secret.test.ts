import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MIN_SECRET_LENGTH, payloadSecret, SECRET_REFUSALS } from './secret'

let dataDir: string

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-secret-'))
  vi.stubEnv('DATA_DIR', dataDir)
  vi.stubEnv('PAYLOAD_SECRET', '')
  vi.stubEnv('NODE_ENV', '')
  vi.stubEnv('CMS_URL', '')
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

describe('payloadSecret in production (NODE_ENV=production or an https CMS_URL)', () => {
  const long = 'a'.repeat(MIN_SECRET_LENGTH)

  it('refuses without PAYLOAD_SECRET, in one line, and writes no secret file', () => {
    for (const env of [
      { NODE_ENV: 'production', DATA_DIR: dataDir },
      { CMS_URL: 'https://cms.example.org', DATA_DIR: dataDir },
      { NODE_ENV: 'production', PAYLOAD_SECRET: '   ', DATA_DIR: dataDir },
    ]) {
      expect(() => payloadSecret(env), JSON.stringify(env)).toThrow(SECRET_REFUSALS.missing)
    }
    expect(SECRET_REFUSALS.missing).not.toContain('\n')
    expect(fs.readdirSync(dataDir)).toEqual([])
  })

  it('does not fall back to a secret file left by development starts', () => {
    const generated = payloadSecret()
    expect(generated.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH)
    expect(() => payloadSecret({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(
      SECRET_REFUSALS.missing,
    )
  })

  it(`refuses a secret shorter than ${MIN_SECRET_LENGTH} characters and takes a long one`, () => {
    expect(() =>
      payloadSecret({ CMS_URL: 'https://cms.example.org', PAYLOAD_SECRET: long.slice(1) }),
    ).toThrow(SECRET_REFUSALS.tooShort)
    expect(payloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: ` ${long} ` })).toBe(long)
  })

  it('leaves development alone: a short secret and an http CMS_URL are fine', () => {
    expect(payloadSecret({ PAYLOAD_SECRET: 'kurz', CMS_URL: 'http://localhost:3000' })).toBe('kurz')
  })
})
