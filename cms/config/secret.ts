import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { productionMode } from './productionMode'

type Env = Record<string, string | undefined>

/** A secret shorter than this is refused in production (32 random hex characters = 128 bits). */
export const MIN_SECRET_LENGTH = 32

/** The one-line refusals of a production start (NODE_ENV=production or an https CMS_URL). */
export const SECRET_REFUSALS = {
  missing:
    'PAYLOAD_SECRET is not set: in production (NODE_ENV=production or an https CMS_URL) set it to a random value of at least 32 characters, e.g. `openssl rand -hex 32`.',
  tooShort: `PAYLOAD_SECRET is too short: in production it needs at least ${MIN_SECRET_LENGTH} characters, e.g. \`openssl rand -hex 32\`.`,
} as const

export class SecretRefused extends Error {
  override name = 'SecretRefused'
}

/**
 * PAYLOAD_SECRET signs logins. In production it must be set (and long enough): a generated one
 * would silently change with the data folder. In development a fresh clone has no env vars, so
 * the first start writes a random secret to data/.payload-secret and every later start reuses it.
 */
export function payloadSecret(env: Env = process.env): string {
  const fromEnv = env.PAYLOAD_SECRET?.trim()
  if (productionMode(env)) {
    if (!fromEnv) throw new SecretRefused(SECRET_REFUSALS.missing)
    if (fromEnv.length < MIN_SECRET_LENGTH) throw new SecretRefused(SECRET_REFUSALS.tooShort)
    return fromEnv
  }
  if (fromEnv) return fromEnv
  const file = path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    env.DATA_DIR ?? 'data',
    '.payload-secret',
  )
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = randomBytes(32).toString('hex')
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  }
}
