import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

/** Where the key lives in Payload's key-value store (`payload-kv`: SQLite and MongoDB alike). */
const KV_KEY = 'link-signing-key'
const KV_COLLECTION = 'payload-kv'

type Stored = { key: string }
const isStored = (value: unknown): value is Stored =>
  typeof value === 'object' && value !== null && typeof (value as Stored).key === 'string'

const loaded = new WeakMap<Payload, Promise<string>>()

/**
 * The key that signs links sent by email (unsubscribe), apart from PAYLOAD_SECRET, so setting or
 * rotating that secret breaks no link already sent. Random, made once per database and stored
 * in it (a backup carries it along), read once per process.
 */
export function linkKey(payload: Payload): Promise<string> {
  let key = loaded.get(payload)
  if (!key) {
    key = readOrCreate(payload)
    key.catch(() => loaded.delete(payload))
    loaded.set(payload, key)
  }
  return key
}

async function readOrCreate(payload: Payload): Promise<string> {
  const stored = await payload.kv.get(KV_KEY)
  if (isStored(stored)) return stored.key
  // Insert, never overwrite (the key is unique): processes starting together on a new database
  // all keep the one key that was stored first.
  await payload.db
    .create({
      collection: KV_COLLECTION,
      data: { key: KV_KEY, data: { key: randomBytes(32).toString('base64url') } },
      req: {},
    })
    .catch(() => undefined)
  const created = await payload.kv.get(KV_KEY)
  if (!isStored(created)) throw new Error('The link signing key could not be stored.')
  return created.key
}
