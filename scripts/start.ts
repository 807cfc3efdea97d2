/**
 * `npm start`: the CMS (production Next.js build) and the static site, each rebuilt only when
 * its sources (or, for the site, the published articles) changed since the last build.
 */
import fs from 'node:fs'
import path from 'node:path'
import { cmsPort, cmsUrl, sitePort, siteUrl } from '../cms/config/urls'
import { parseDatabaseUri } from '../cms/database/parseDatabaseUri'
import { buildSite, stopSiteBuilder } from '../cms/publishing/builder/buildSite'
import { buildCmsIfStale } from './lib/buildCms'
import { bundleCmsServer, CMS_SERVER_ENV } from './lib/cmsServer'
import { buildIfStale, fingerprint } from './lib/fingerprint'
import { run, startProcess, stopOnSignals } from './lib/processes'
import { createStaticServer, listen } from './lib/staticServer'
import { waitForUrl } from './lib/waitForUrl'
import { fetchArticleStamps, fetchBuildStamps } from '../site/lib/cms'
import { launchSecret } from './lib/launchSecret'

const production = { NODE_ENV: 'production' } as const
const SITE_DIR = path.resolve(process.env.SITE_OUT_DIR ?? 'dist/site')

// Before any child gets NODE_ENV=production: production mode is the user's choice.
launchSecret()
try {
  parseDatabaseUri(process.env.DATABASE_URI)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}

// The bootstrap tells what is wrong itself, in one line (unknown migrations, no editor).
// The first import publishes articles; no rebuild job for that: the site is built below, and a
// job running alongside would share Astro's .astro folder with this build.
await run('tsx', ['scripts/bootstrap.ts'], {
  env: { ...production, SITE_AUTO_REBUILD: 'false' },
}).catch(() => process.exit(1))

// dist/site is a symlink to the newest good build; rebuilds switch it while this server runs.
const server = createStaticServer(() => fs.realpathSync(SITE_DIR))
stopOnSignals(() => new Promise<void>((resolve) => server.close(() => resolve())))

try {
  const started = Date.now()
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`

  if (await buildCmsIfStale()) console.log(`CMS admin built (${seconds()}).`)

  // `next start cms` as a custom server that passes on the client's address (scripts/cms-server.ts).
  const cms = startProcess('node', [await bundleCmsServer(), '--port', String(cmsPort())], {
    env: CMS_SERVER_ENV,
  })
  await waitForUrl(`${cmsUrl()}/api/articles?limit=1`, { process: cms })

  // Articles, comments and share counts as published: unchanged since the last build, no build.
  const stamps = await fetchArticleStamps()
  const sitePrint = fingerprint(
    ['site', 'content/pages', 'astro.config.mjs', 'package-lock.json'],
    [JSON.stringify([stamps, await fetchBuildStamps()]), siteUrl()],
  )
  if (
    await buildIfStale(
      `${SITE_DIR}.stamp`,
      sitePrint,
      async () => void (await buildSite(SITE_DIR, 3).finally(stopSiteBuilder)),
    )
  )
    console.log(`Site built from ${stamps.length} published article(s) (${seconds()}).`)

  await listen(server, sitePort())
  console.log(
    `\nLeuchtturm is running (${seconds()}):\n  Site:  http://localhost:${sitePort()}/\n  Admin: ${cmsUrl()}/admin\nCtrl-C stops both.`,
  )
} catch (error) {
  console.error(`Start failed: ${(error as Error).message}`)
  process.kill(process.pid, 'SIGTERM')
}
