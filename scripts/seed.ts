/** `npm run seed`: imports content/articles/*.mdx as published articles (re-runs update by slug). */
import path from 'node:path'
import { openPayload } from '../cms/bootstrap/openPayload'
import { importArticles } from '../cms/content/importArticles'

const payload = await openPayload()
const report = await importArticles(payload, path.resolve('content/articles'))
for (const file of report.created) console.log(`created  ${path.relative(process.cwd(), file)}`)
for (const file of report.updated) console.log(`updated  ${path.relative(process.cwd(), file)}`)
for (const failure of report.failed) console.error(`FAILED   ${failure.message}`)
await payload.destroy()
process.exit(report.failed.length > 0 ? 1 : 0)
