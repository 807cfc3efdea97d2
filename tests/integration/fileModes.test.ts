import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startCmsProcess } from '../helpers/cmsProcess'
import { runScript } from '../helpers/runScript'

/**
 * The data folder holds editors' password hashes and readers' addresses: owner-only (folders 0700,
 * files 0600), also when the process's umask would make them world-readable.
 */
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))
const mode = (file: string) => fs.statSync(file).mode & 0o777

/** A data folder that does not exist yet (the CMS creates it), in a fresh temp folder. */
function freshEnv(): { data: string; env: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-modes-'))
  dirs.push(dir)
  const data = path.join(dir, 'data')
  return {
    data,
    env: {
      // No PAYLOAD_SECRET: development generates data/.payload-secret.
      DATABASE_URI: `file:${path.join(data, 'leuchtturm.db')}`,
      DATA_DIR: data,
      MEDIA_DIR: path.join(data, 'media'),
      SITE_AUTO_REBUILD: 'false',
    },
  }
}

describe('file modes of the data folder', () => {
  it('a CMS started on a fresh folder creates it, the database and the secret owner-only', async () => {
    const { data, env } = freshEnv()
    // Under umask 022 files would be 0644: the CMS must not rely on the caller's umask.
    const previous = process.umask(0o022)
    const cms = await startCmsProcess(env).finally(() => process.umask(previous))
    try {
      // A write, so the database's -wal and -shm are there.
      const response = await fetch(`${cms.url}/api/users/first-register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'redaktion@example.de', password: 'leuchtturm-test-pw' }),
      })
      expect(response.status).toBeLessThan(300)
      expect(mode(data)).toBe(0o700)
      expect(mode(path.join(data, 'media'))).toBe(0o700)
      expect(mode(path.join(data, '.payload-secret'))).toBe(0o600)
      for (const file of ['leuchtturm.db', 'leuchtturm.db-wal', 'leuchtturm.db-shm'])
        expect(mode(path.join(data, file)), file).toBe(0o600)
    } finally {
      await cms.kill()
    }
  }, 180_000)

  it('the start (bootstrap) makes an existing world-readable folder owner-only and says so once', async () => {
    const { data, env } = freshEnv()
    const media = path.join(data, 'media')
    fs.mkdirSync(media, { recursive: true, mode: 0o755 })
    fs.chmodSync(data, 0o755)
    fs.chmodSync(media, 0o755)
    fs.writeFileSync(path.join(media, 'bild.png'), 'x', { mode: 0o644 })
    fs.writeFileSync(path.join(data, '.payload-secret'), 'a'.repeat(64), { mode: 0o644 })
    fs.writeFileSync(path.join(data, 'leuchtturm.db'), '', { mode: 0o644 })
    const full = { ...env, ADMIN_EMAIL: 'redaktion@example.de', ADMIN_PASSWORD: 'test-pw-123456' }

    const first = await runScript('scripts/bootstrap.ts', [], full)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toMatch(/readable by their owner only .*: 5 path\(s\)/)
    // The editor's address is masked on the console too.
    expect(first.stdout).toContain('Editor r…@example.de created')
    expect(first.stdout + first.stderr).not.toContain('redaktion@example.de')
    expect(mode(data)).toBe(0o700)
    expect(mode(media)).toBe(0o700)
    expect(mode(path.join(media, 'bild.png'))).toBe(0o600)
    expect(mode(path.join(data, '.payload-secret'))).toBe(0o600)
    for (const file of ['leuchtturm.db', 'leuchtturm.db-wal', 'leuchtturm.db-shm'].filter((f) =>
      fs.existsSync(path.join(data, f)),
    ))
      expect(mode(path.join(data, file)), file).toBe(0o600)

    const second = await runScript('scripts/bootstrap.ts', [], full)
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).not.toContain('readable by their owner only')
  }, 300_000)
})
