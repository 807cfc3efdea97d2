import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'
import { planTargetKeys, type StoredSubscription } from '../subscriptions/backfillTargetKeys'
import { normalizeEmail } from '../utilities/normalizeEmail'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`subscriptions\` ADD \`target_key\` text;`)
  // Hand-written: key the stored rows and drop twins before the unique index (keep when regenerating).
  const rows = await db.all<StoredSubscription>(
    sql`SELECT id, email, scope, article_id AS article, updated_at AS updatedAt FROM subscriptions;`,
  )
  const plan = planTargetKeys(rows)
  for (const id of plan.twins) await db.run(sql`DELETE FROM subscriptions WHERE id = ${id};`)
  for (const { id, targetKey } of plan.keys)
    await db.run(sql`UPDATE subscriptions SET target_key = ${targetKey} WHERE id = ${id};`)
  await db.run(sql`CREATE UNIQUE INDEX \`targetKey_idx\` ON \`subscriptions\` (\`target_key\`);`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` ADD \`recipient_key\` text;`)
  const confirmations = await db.all<{ id: number; to: string }>(
    sql`SELECT id, "to" FROM email_deliveries WHERE kind = 'confirmation';`,
  )
  for (const { id, to } of confirmations)
    await db.run(
      sql`UPDATE email_deliveries SET recipient_key = ${normalizeEmail(to)} WHERE id = ${id};`,
    )
  await db.run(sql`CREATE INDEX \`email_deliveries_recipient_key_idx\` ON \`email_deliveries\` (\`recipient_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`targetKey_idx\`;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` DROP COLUMN \`target_key\`;`)
  await db.run(sql`DROP INDEX \`email_deliveries_recipient_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` DROP COLUMN \`recipient_key\`;`)
}
