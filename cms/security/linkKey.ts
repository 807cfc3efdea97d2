import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

/** Where the key lives in Payload's key-value store (`payload-kv`: SQLite and MongoDB alike). */
const KV_KEY = 'link-signing-key'
export const KV_COLLECTION = 'payload-kv'

type Stored = { key: string }
const isStored = (value: unknown): value is Stored =>
  typeof value === 'object' && value !== null && typeof (value as Stored).key === 'string'

const loaded = new WeakMap<Payload, Map<string, Promise<string>>>()

/**
 * The key that signs links sent by email (unsubscribe), apart from PAYLOAD_SECRET, so setting or
 * rotating that secret breaks no link already sent. Random, made once per database and stored
 * in it (a backup carries it along), read once per process.
 */
export const linkKey = (payload: Payload): Promise<string> => storedKey(payload, KV_KEY)

/**
 * A random key stored under `name` in the key-value store: made once per database, read once per
 * process. Also the privacy keys (cms/security/privacyKeys.ts).
 */
export function storedKey(payload: Payload, name: string): Promise<string> {
  let keys = loaded.get(payload)
  if (!keys) loaded.set(payload, (keys = new Map()))
  let key = keys.get(name)
  if (!key) {
    key = readOrCreate(payload, name)
    key.catch(() => keys.delete(name))
    keys.set(name, key)
  }
  return key
}

/** The key stored under `name`, or null: never makes one (safe inside a transaction). */
export async function readStoredKey(payload: Payload, name: string): Promise<string | null> {
  const stored = await payload.kv.get(name)
  return isStored(stored) ? stored.key : null
}

async function readOrCreate(payload: Payload, name: string): Promise<string> {
  const stored = await readStoredKey(payload, name)
  if (stored) return stored
  // Insert, never overwrite (the key is unique): processes starting together on a new database
  // all keep the one key that was stored first.
  await payload.db
    .create({
      collection: KV_COLLECTION,
      data: { key: name, data: { key: randomBytes(32).toString('base64url') } },
      req: {},
    })
    .catch(() => undefined)
  const created = await payload.kv.get(name)
  if (!isStored(created)) throw new Error(`The key ${name} could not be stored.`)
  return created.key
}
