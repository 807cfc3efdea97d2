/**
 * Prepares the database before the CMS serves: migrations, the first editor from ADMIN_EMAIL /
 * ADMIN_PASSWORD, and the content/articles import when there are no articles yet. In production
 * (`npm start`) it refuses, with one line and exit 1, when there is no editor and no ADMIN_*;
 * `--dev` (npm run dev) lets the first editor register in the admin on localhost instead.
 */
import path from 'node:path'
import { ensureAdmin } from '../cms/bootstrap/ensureAdmin'
import { openPayload } from '../cms/bootstrap/openPayload'
import { resumeJobs } from '../cms/bootstrap/resumeJobs'
import { rerenderOutdatedComments } from '../cms/collections/Comments/rerenderOutdated'
import { syncPublicMedia } from '../cms/collections/Media/publicMedia'
import { importArticles } from '../cms/content/importArticles'
import { UnknownMigrationsError } from '../cms/database/migrate'
import { maskEmail } from '../cms/utilities/maskEmail'
import { keepDataPrivate } from '../cms/security/privateFiles'
import { tightenDataModes } from './lib/privateData'

// Owner-only: the database (with password hashes and readers' addresses) and the media it creates.
keepDataPrivate()
tightenDataModes()

const payload = await openPayload().catch((error: unknown) => {
  if (!(error instanceof UnknownMigrationsError)) throw error
  console.error(error.message)
  process.exit(1)
})

const admin = await ensureAdmin(payload, {
  email: process.env.ADMIN_EMAIL,
  password: process.env.ADMIN_PASSWORD,
})
if (admin === 'created')
  console.log(
    `Editor ${maskEmail(process.env.ADMIN_EMAIL ?? '')} created from ADMIN_EMAIL / ADMIN_PASSWORD.`,
  )
// NODE_ENV is production for both `npm start` and `npm run dev` here (it runs the migrations);
// only dev (--dev) goes on without an editor.
if (
  admin === 'skipped' &&
  process.env.NODE_ENV === 'production' &&
  !process.argv.includes('--dev')
) {
  // A public server without an editor would let whoever comes first register as one.
  console.error(
    'No editor yet: set ADMIN_EMAIL and ADMIN_PASSWORD for the first start in production.',
  )
  process.exit(1)
}
if (admin === 'skipped')
  console.log(
    'No editor yet: create the first one in the admin on http://localhost (or set ADMIN_EMAIL / ADMIN_PASSWORD).',
  )

const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true })
if (totalDocs === 0) {
  const report = await importArticles(payload, path.resolve('content/articles'))
  console.log(`Empty database: imported ${report.created.length} article(s) from content/articles.`)
  for (const failure of report.failed) console.error(`Import failed: ${failure.message}`)
}
// Which media the public may read follows the published articles (also after a restore or an upgrade).
const republished = await syncPublicMedia(payload)
if (republished)
  console.log(
    `Public access of ${republished} media file(s) brought in line with the published articles.`,
  )
const rerendered = await rerenderOutdatedComments(payload)
if (rerendered) console.log(`Rendered ${rerendered} comment(s) again with the current renderer.`)
const resumed = await resumeJobs(payload)
if (resumed.released || resumed.pendingEmails)
  console.log(
    `Resuming ${resumed.released} interrupted job(s), ${resumed.pendingEmails} unsent email(s)` +
      (resumed.requeuedEmails ? ` (${resumed.requeuedEmails} failed before, sent again).` : '.'),
  )
await payload.destroy()
process.exit(0)
