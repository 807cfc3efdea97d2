import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { migrateDatabase } from '../database/migrate'

/** Opens Payload's Local API for scripts and tests, with the schema migrated. */
export async function openPayload(): Promise<Payload> {
  const payload = await getPayload({ config })
  await migrateDatabase(payload)
  return payload
}
