import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`comment_threads\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`article_id\` integer,
  	\`stamp\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`comment_threads_article_idx\` ON \`comment_threads\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`comment_threads_updated_at_idx\` ON \`comment_threads\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comment_threads_created_at_idx\` ON \`comment_threads\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`digest_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`subscription_id\` integer NOT NULL,
  	\`comment_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subscription_id\`) REFERENCES \`subscriptions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`comment_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`digest_items_subscription_idx\` ON \`digest_items\` (\`subscription_id\`);`)
  await db.run(sql`CREATE INDEX \`digest_items_comment_idx\` ON \`digest_items\` (\`comment_id\`);`)
  await db.run(sql`CREATE INDEX \`digest_items_updated_at_idx\` ON \`digest_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`digest_items_created_at_idx\` ON \`digest_items\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`subscription_comment_idx\` ON \`digest_items\` (\`subscription_id\`,\`comment_id\`);`)
  await db.run(sql`CREATE TABLE \`rate_limits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`points\` numeric DEFAULT 0 NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`rate_limits_key_idx\` ON \`rate_limits\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_expires_at_idx\` ON \`rate_limits\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_updated_at_idx\` ON \`rate_limits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rate_limits_created_at_idx\` ON \`rate_limits\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`body_hash\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`consent_version\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`spam_reason\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`editors_notified\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`html\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`html_version\` numeric;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`idempotency_key_hash\` text;`)
  await db.run(sql`CREATE INDEX \`comments_body_hash_idx\` ON \`comments\` (\`body_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`comments_idempotency_key_hash_idx\` ON \`comments\` (\`idempotency_key_hash\`);`)
  await db.run(sql`ALTER TABLE \`comment_reactions\` ADD \`client_hash\` text;`)
  await db.run(sql`CREATE INDEX \`comment_reactions_client_hash_idx\` ON \`comment_reactions\` (\`client_hash\`);`)
  await db.run(sql`ALTER TABLE \`subscriptions\` ADD \`target_key\` text;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` ADD \`consent_version\` text;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` ADD \`redacted_at\` text;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` ADD \`notified_at\` text;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` ADD \`digest_due_at\` text;`)
  await db.run(sql`CREATE INDEX \`subscriptions_redacted_at_idx\` ON \`subscriptions\` (\`redacted_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`targetKey_idx\` ON \`subscriptions\` (\`target_key\`);`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` ADD \`recipient_key\` text;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` ADD \`batched_at\` text;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` ADD \`failure\` text;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` ADD \`first_failed_at\` text;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` ADD \`redacted_at\` text;`)
  await db.run(sql`CREATE INDEX \`email_deliveries_recipient_key_idx\` ON \`email_deliveries\` (\`recipient_key\`);`)
  await db.run(sql`CREATE INDEX \`email_deliveries_failure_idx\` ON \`email_deliveries\` (\`failure\`);`)
  await db.run(sql`CREATE INDEX \`email_deliveries_first_failed_at_idx\` ON \`email_deliveries\` (\`first_failed_at\`);`)
  await db.run(sql`CREATE INDEX \`email_deliveries_redacted_at_idx\` ON \`email_deliveries\` (\`redacted_at\`);`)
  await db.run(sql`CREATE INDEX \`email_deliveries_sent_at_idx\` ON \`email_deliveries\` (\`sent_at\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`public\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`media_public_idx\` ON \`media\` (\`public\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`comment_threads_id\` integer REFERENCES comment_threads(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`digest_items_id\` integer REFERENCES digest_items(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rate_limits_id\` integer REFERENCES rate_limits(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comment_threads_id_idx\` ON \`payload_locked_documents_rels\` (\`comment_threads_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_digest_items_id_idx\` ON \`payload_locked_documents_rels\` (\`digest_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rate_limits_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_limits_id\`);`)
  await db.run(sql`ALTER TABLE \`comment_settings\` ADD \`digest_minutes\` numeric DEFAULT 15;`)
  await db.run(sql`ALTER TABLE \`comment_settings\` ADD \`max_links\` numeric DEFAULT 2;`)
  await db.run(sql`ALTER TABLE \`comment_settings\` ADD \`blocklist\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`comment_threads\`;`)
  await db.run(sql`DROP TABLE \`digest_items\`;`)
  await db.run(sql`DROP TABLE \`rate_limits\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`comments_id\` integer,
  	\`comment_reactions_id\` integer,
  	\`subscriptions_id\` integer,
  	\`email_deliveries_id\` integer,
  	\`shares_id\` integer,
  	\`redirects_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comment_reactions_id\`) REFERENCES \`comment_reactions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscriptions_id\`) REFERENCES \`subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_deliveries_id\`) REFERENCES \`email_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`shares_id\`) REFERENCES \`shares\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "comments_id", "comment_reactions_id", "subscriptions_id", "email_deliveries_id", "shares_id", "redirects_id", "media_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "comments_id", "comment_reactions_id", "subscriptions_id", "email_deliveries_id", "shares_id", "redirects_id", "media_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comment_reactions_id_idx\` ON \`payload_locked_documents_rels\` (\`comment_reactions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`subscriptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`email_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_shares_id_idx\` ON \`payload_locked_documents_rels\` (\`shares_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`comments_body_hash_idx\`;`)
  await db.run(sql`DROP INDEX \`comments_idempotency_key_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`body_hash\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`consent_version\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`spam_reason\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`editors_notified\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`html\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`html_version\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`idempotency_key_hash\`;`)
  await db.run(sql`DROP INDEX \`comment_reactions_client_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`comment_reactions\` DROP COLUMN \`client_hash\`;`)
  await db.run(sql`DROP INDEX \`subscriptions_redacted_at_idx\`;`)
  await db.run(sql`DROP INDEX \`targetKey_idx\`;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` DROP COLUMN \`target_key\`;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` DROP COLUMN \`consent_version\`;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` DROP COLUMN \`redacted_at\`;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` DROP COLUMN \`notified_at\`;`)
  await db.run(sql`ALTER TABLE \`subscriptions\` DROP COLUMN \`digest_due_at\`;`)
  await db.run(sql`DROP INDEX \`email_deliveries_recipient_key_idx\`;`)
  await db.run(sql`DROP INDEX \`email_deliveries_failure_idx\`;`)
  await db.run(sql`DROP INDEX \`email_deliveries_first_failed_at_idx\`;`)
  await db.run(sql`DROP INDEX \`email_deliveries_redacted_at_idx\`;`)
  await db.run(sql`DROP INDEX \`email_deliveries_sent_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` DROP COLUMN \`recipient_key\`;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` DROP COLUMN \`batched_at\`;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` DROP COLUMN \`failure\`;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` DROP COLUMN \`first_failed_at\`;`)
  await db.run(sql`ALTER TABLE \`email_deliveries\` DROP COLUMN \`redacted_at\`;`)
  await db.run(sql`DROP INDEX \`media_public_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`public\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
  await db.run(sql`ALTER TABLE \`comment_settings\` DROP COLUMN \`digest_minutes\`;`)
  await db.run(sql`ALTER TABLE \`comment_settings\` DROP COLUMN \`max_links\`;`)
  await db.run(sql`ALTER TABLE \`comment_settings\` DROP COLUMN \`blocklist\`;`)
}
