/**
 * Seeds the publishing bench's database, in its own process (Payload keeps one instance per
 * process; the bench opens a copy of the result). The env (DATABASE_URI, …) comes from the caller;
 * SQLite only. Argument: JSON `{ articles, comments }`. Prints one line `SEEDED {json}` with timings.
 *
 * Articles go through the Local API (hooks, versions table, tags, thread stamps: what an editor's
 * publish makes); comments, 20 per article and 200,000 at 10,000 articles, are bulk inserted
 * through the adapter's Drizzle instance with the rows the public API and hooks would write
 * (seedRows.ts), then every article's thread stamp is replaced as an approval would.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { openPayload } from '../../../cms/bootstrap/openPayload'
import { seedArticle, seedComments } from './seedRows'

const { articles, comments } = JSON.parse(process.argv[2] ?? '{}') as {
  articles: number
  comments: number
}
/** Rows per INSERT: SQLite allows 32,766 bound values, a comment row binds about 24. */
const BATCH = 1000

const started = Date.now()
const payload = await openPayload()
const db = payload.db as unknown as SQLiteAdapter
const now = Date.now()

const created: { id: number; publishedAt?: string | null }[] = []
for (let i = 0; i < articles; i++) {
  const doc = await payload.create({
    collection: 'articles',
    data: seedArticle(i, articles, now),
    depth: 0,
    overrideAccess: true,
  })
  created.push({ id: doc.id, publishedAt: doc.publishedAt })
  if ((i + 1) % 1000 === 0) console.log(`  ${i + 1} articles`)
}
// Each first publish queued a "new article" notice: long sent on a real site, so none wait.
await payload.db.deleteMany({
  collection: 'payload-jobs',
  where: { taskSlug: { equals: 'notifyNewPost' } },
})
const articlesDone = Date.now()

await db.drizzle.transaction(async (tx) => {
  let nextId = 1
  let batch: ReturnType<typeof seedComments> = []
  const flush = async () => {
    if (batch.length) await tx.insert(db.tables.comments!).values(batch)
    batch = []
  }
  for (const article of created) {
    batch.push(...seedComments(article, comments, nextId))
    nextId += comments
    if (batch.length >= BATCH) await flush()
  }
  await flush()
  // Approving a comment gives its article's answer a new stamp (CommentThreads/stamp.ts).
  if (comments > 0)
    await tx.run(
      sql`UPDATE comment_threads SET stamp = lower(hex(randomblob(16))), updated_at = ${new Date().toISOString()}`,
    )
})
await db.drizzle.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`)
const commentsDone = Date.now()
await payload.destroy()

console.log(
  `SEEDED ${JSON.stringify({
    articles,
    comments: articles * comments,
    prepareSeconds: (now - started) / 1000,
    articleSeconds: (articlesDone - now) / 1000,
    commentSeconds: (commentsDone - articlesDone) / 1000,
  })}`,
)
process.exit(0)
