import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SECRET_REFUSALS } from '../../cms/config/secret'
import { runScript } from '../helpers/runScript'
import { tempEnv } from '../../scripts/lib/tempEnv'

const temp = tempEnv()
afterAll(() => temp.cleanup())

describe('npm run seed', () => {
  it('names the broken file and line, imports the others, and exits non-zero', async () => {
    const result = await runScript('scripts/seed.ts', ['tests/fixtures/articles-broken'], temp.env)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/created\s+tests\/fixtures\/articles-broken\/a-good\.mdx/)
    expect(result.stderr).toMatch(/FAILED\s+tests\/fixtures\/articles-broken\/b-broken\.mdx:8: /)
  }, 60_000)

  it('imports the seed article and exits 0, then updates it on a re-run', async () => {
    const first = await runScript('scripts/seed.ts', [], temp.env)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      /created\s+content\/articles\/social-media-nutzen-mittelstand\.mdx/,
    )
    const second = await runScript('scripts/seed.ts', [], temp.env)
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(
      /updated\s+content\/articles\/social-media-nutzen-mittelstand\.mdx/,
    )
  }, 60_000)
})

describe('npm start in production mode (NODE_ENV=production or an https CMS_URL)', () => {
  it('refuses without PAYLOAD_SECRET, or with a short one, in one line and exit 1, before starting anything', async () => {
    for (const [env, line] of [
      [{ NODE_ENV: 'production', PAYLOAD_SECRET: '' }, SECRET_REFUSALS.missing],
      [{ CMS_URL: 'https://cms.example.org', PAYLOAD_SECRET: '' }, SECRET_REFUSALS.missing],
      [{ CMS_URL: 'https://cms.example.org', PAYLOAD_SECRET: 'kurz' }, SECRET_REFUSALS.tooShort],
    ] as const) {
      const result = await runScript('scripts/start.ts', [], { ...temp.env, ...env })
      expect(result.code, JSON.stringify(env)).toBe(1)
      expect(result.stderr.trim().split('\n')).toEqual([line])
      expect(fs.existsSync(path.join(temp.dir, '.payload-secret'))).toBe(false)
    }
  }, 60_000)
})

describe('npm start with a bad DATABASE_URI', () => {
  it('stops with one clear line and a non-zero exit', async () => {
    const result = await runScript('scripts/start.ts', [], {
      ...temp.env,
      DATABASE_URI: 'postgres://localhost/blog',
    })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      'DATABASE_URI: unsupported scheme "postgres" – use file:./data/leuchtturm.db (SQLite) or mongodb://… / mongodb+srv://… (MongoDB)',
    ])
  }, 30_000)
})

describe('npm start without an editor in production', () => {
  it('refuses with one clear line and exit 1 when ADMIN_EMAIL / ADMIN_PASSWORD are missing', async () => {
    const fresh = tempEnv()
    try {
      const result = await runScript('scripts/bootstrap.ts', [], {
        ...fresh.env,
        NODE_ENV: 'production',
      })
      expect(result.code).toBe(1)
      expect(result.stderr.trim().split('\n')).toEqual([
        'No editor yet: set ADMIN_EMAIL and ADMIN_PASSWORD for the first start in production.',
      ])
      // npm run dev goes on: the first editor registers in the admin on localhost.
      const dev = await runScript('scripts/bootstrap.ts', ['--dev'], {
        ...fresh.env,
        NODE_ENV: 'production',
      })
      expect(dev.code).toBe(0)
      expect(dev.stdout).toContain('create the first one in the admin')
      // With them, the same start creates the editor and goes on.
      const withAdmin = await runScript('scripts/bootstrap.ts', [], {
        ...fresh.env,
        NODE_ENV: 'production',
        ADMIN_EMAIL: 'chefin@example.de',
        ADMIN_PASSWORD: 'ein-langes-passwort',
      })
      expect(withAdmin.code).toBe(0)
      expect(withAdmin.stdout).toContain('Editor c…@example.de created')
      // Once an editor exists, no ADMIN_* is needed any more.
      const again = await runScript('scripts/bootstrap.ts', [], {
        ...fresh.env,
        NODE_ENV: 'production',
      })
      expect(again.code).toBe(0)
    } finally {
      fresh.cleanup()
    }
  }, 90_000)
})
