/**
 * `npm run seed [folder]`: imports content/articles/*.mdx (or the folder's) as published articles.
 * Re-runs update by slug; a broken file is reported with its line and skipped, and the exit code is 1.
 */
import path from 'node:path'
import { openPayload } from '../cms/bootstrap/openPayload'
import { importArticles } from '../cms/content/importArticles'

const payload = await openPayload()
const report = await importArticles(payload, path.resolve(process.argv[2] ?? 'content/articles'))
for (const file of report.created) console.log(`created  ${path.relative(process.cwd(), file)}`)
for (const file of report.updated) console.log(`updated  ${path.relative(process.cwd(), file)}`)
for (const failure of report.failed) console.error(`FAILED   ${failure.message}`)
await payload.destroy()
process.exit(report.failed.length > 0 ? 1 : 0)
