/**
 * Prepares the database of `npm run bench:comments`, in its own process before the CMS server
 * starts (the bench process stays a pure load generator): migrations, the seed articles, one
 * editor, the moderation policy, and approved comments on two articles. The env (DATABASE_URI, …)
 * comes from the bench. Argument: JSON `{ small, large, moderation }`. Prints one line
 * `SEEDED {json}` with the articles and timings.
 */
import path from 'node:path'
import type { Payload } from 'payload'
import { openPayload } from '../../../cms/bootstrap/openPayload'
import { importArticles } from '../../../cms/content/importArticles'
import type { ModerationPolicy } from '../../../cms/globals/CommentSettings'
import { paragraph } from '../../lib/lexical'
import { SENTENCES } from './sentences'

const SMALL_SLUG = 'social-media-nutzen-mittelstand'
const LARGE_SLUG = 'bench-viele-kommentare'

const options = JSON.parse(process.argv[2] ?? '{}') as {
  small: number
  large: number
  moderation: ModerationPolicy
}

/** Deterministic pseudo-random numbers (mulberry32): every run seeds the same comments. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Approved comments on one article, a third of them replies to earlier root comments. */
async function seedComments(payload: Payload, articleId: number, count: number, seed: number) {
  const next = random(seed)
  const roots: number[] = []
  for (let i = 0; i < count; i++) {
    const author = Math.floor(next() * Math.max(20, count / 5)) // authors write several comments
    const sentences = 1 + Math.floor(next() * 4)
    const body = Array.from(
      { length: sentences },
      () => SENTENCES[Math.floor(next() * SENTENCES.length)],
    ).join(next() < 0.3 ? '\n\n' : ' ')
    const reply = roots.length > 0 && next() < 1 / 3
    const doc = await payload.create({
      collection: 'comments',
      context: { bulkImport: true },
      overrideAccess: true,
      data: {
        article: articleId,
        parent: reply ? roots[Math.floor(next() * roots.length)]! : null,
        depth: reply ? 2 : 1,
        authorName: `Leserin ${author}`,
        authorEmail: `leserin-${author}@seed.example`,
        authorUrl: next() < 0.2 ? `https://example.com/leserin-${author}` : null,
        body,
        status: 'approved',
        reactionsUp: next() < 0.4 ? Math.floor(next() * 12) : 0,
        reactionsDown: next() < 0.1 ? Math.floor(next() * 3) : 0,
        consentAt: new Date().toISOString(),
      },
    })
    if (!reply) roots.push(doc.id)
  }
}

const started = Date.now()
const payload = await openPayload()
const report = await importArticles(payload, path.resolve('content/articles'))
if (report.failed.length) throw new Error(report.failed.map((f) => f.message).join('\n'))
const small = (
  await payload.find({
    collection: 'articles',
    where: { slug: { equals: SMALL_SLUG } },
    limit: 1,
    overrideAccess: true,
  })
).docs[0]!
const large = await payload.create({
  collection: 'articles',
  overrideAccess: true,
  data: {
    title: 'Ein Beitrag mit sehr vielen Kommentaren',
    slug: LARGE_SLUG,
    body: paragraph('Für den Lasttest der Kommentar-API.'),
    _status: 'published',
  },
})
// An editor, as on any real site: "comment waits for approval" emails go to them.
await payload.create({
  collection: 'users',
  overrideAccess: true,
  data: { email: 'redaktion@bench.example', password: 'bench-passwort-0123', name: 'Redaktion' },
})
await payload.updateGlobal({
  slug: 'comment-settings',
  overrideAccess: true,
  data: { moderation: options.moderation },
})
const prepared = Date.now()

await seedComments(payload, small.id, options.small, 1)
const smallDone = Date.now()
await seedComments(payload, large.id, options.large, 2)
const largeDone = Date.now()
await payload.destroy()

console.log(
  `SEEDED ${JSON.stringify({
    small: { slug: SMALL_SLUG, id: small.id, comments: options.small },
    large: { slug: LARGE_SLUG, id: large.id, comments: options.large },
    moderation: options.moderation,
    prepareSeconds: (prepared - started) / 1000,
    smallSeconds: (smallDone - prepared) / 1000,
    largeSeconds: (largeDone - smallDone) / 1000,
  })}`,
)
process.exit(0)
