import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comments\` ADD \`spam_reason\` text;`)
  await db.run(sql`ALTER TABLE \`comment_reactions\` ADD \`client_hash\` text;`)
  await db.run(sql`CREATE INDEX \`comment_reactions_client_hash_idx\` ON \`comment_reactions\` (\`client_hash\`);`)
  await db.run(sql`ALTER TABLE \`comment_settings\` ADD \`max_links\` numeric DEFAULT 2;`)
  await db.run(sql`ALTER TABLE \`comment_settings\` ADD \`blocklist\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`comment_reactions_client_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`comment_reactions\` DROP COLUMN \`client_hash\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`spam_reason\`;`)
  await db.run(sql`ALTER TABLE \`comment_settings\` DROP COLUMN \`max_links\`;`)
  await db.run(sql`ALTER TABLE \`comment_settings\` DROP COLUMN \`blocklist\`;`)
}
