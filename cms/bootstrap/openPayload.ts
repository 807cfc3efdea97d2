import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { migrateDatabase } from '../database/migrate'
import { createPrivateDataFiles } from '../security/privateFiles'

/**
 * Opens Payload's Local API for scripts and tests, with the schema migrated. With RUN_JOBS the
 * jobs queue runs at once (Payload otherwise starts it on the first HTTP request only).
 */
export async function openPayload(): Promise<Payload> {
  // Scripts may create the database: owner-only (cms/security/privateFiles.ts).
  createPrivateDataFiles()
  const payload = await getPayload({ config, cron: process.env.RUN_JOBS === 'true' })
  await migrateDatabase(payload)
  return payload
}
