/**
 * `npm run dev`: the CMS (`next dev`, through scripts/cms-server.ts) and the site (`astro dev`)
 * with hot reload. Articles are loaded when astro dev starts; restart it (or save a file under
 * site/) to pull new CMS content.
 */
import { cmsPort, cmsUrl, sitePort } from '../cms/config/urls'
import { parseDatabaseUri } from '../cms/database/parseDatabaseUri'
import { launchSecret } from './lib/launchSecret'
import { run, startProcess, stopOnSignals } from './lib/processes'
import { waitForUrl } from './lib/waitForUrl'

// Before any child gets NODE_ENV=production: production mode is the user's choice.
launchSecret()
try {
  parseDatabaseUri(process.env.DATABASE_URI)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
stopOnSignals()

try {
  // --dev: without an editor the first one registers in the admin (on localhost only).
  await run('tsx', ['scripts/bootstrap.ts', '--dev'], { env: { NODE_ENV: 'production' } })
  // `next dev` through the server that appends the client's address (scripts/cms-server.ts), as
  // npm start does: plain next dev would take a client's own X-Forwarded-For as its address.
  const cms = startProcess('tsx', ['scripts/cms-server.ts', '--dev', '--port', String(cmsPort())], {
    env: { NODE_ENV: 'development', RUN_JOBS: 'true' },
  })
  await waitForUrl(`${cmsUrl()}/api/articles?limit=1`, { process: cms, timeoutMs: 300_000 })
  startProcess('astro', ['dev', '--port', String(sitePort())], { env: { CMS_URL: cmsUrl() } })
  console.log(
    `\nDevelopment servers:\n  Site:  http://localhost:${sitePort()}/\n  Admin: ${cmsUrl()}/admin`,
  )
} catch (error) {
  console.error(`Dev start failed: ${(error as Error).message}`)
  process.kill(process.pid, 'SIGTERM')
}
