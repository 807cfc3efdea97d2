import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A throw-away data folder and the env that points the CMS at it. DATABASE_URI defaults to a
 * fresh SQLite file; pass a MongoDB URI to run the same code against MongoDB.
 */
export function tempEnv(databaseUri?: string): {
  dir: string
  env: Record<string, string>
  cleanup: () => void
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-test-'))
  const env = {
    DATABASE_URI: databaseUri ?? `file:${path.join(dir, 'test.db')}`,
    // Long enough for production mode (cms/config/secret.ts), which some tests start in.
    PAYLOAD_SECRET: 'test-secret-0123456789-0123456789-0123456789',
    DATA_DIR: dir,
    MEDIA_DIR: path.join(dir, 'media'),
    ASTRO_CACHE_DIR: path.join(dir, 'astro-cache'),
    RUN_JOBS: 'true',
    SITE_OUT_DIR: path.join(dir, 'site'),
    // Only the publishing tests build the site on changes.
    SITE_AUTO_REBUILD: 'false',
  }
  return { dir, env, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}
