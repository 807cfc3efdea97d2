import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * PAYLOAD_SECRET signs logins (and later unsubscribe links). A fresh clone has no env vars, so
 * the first start writes a random secret to data/.payload-secret and every later start reuses it.
 */
export function payloadSecret(): string {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  if (fromEnv) return fromEnv
  const file = path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    process.env.DATA_DIR ?? 'data',
    '.payload-secret',
  )
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = randomBytes(32).toString('hex')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  }
}
