/**
 * The site's build process: imports Astro once and runs `astro build` for each request from the
 * CMS (siteBuilder.ts), so a publish does not pay Node's and Astro's start (about half of a small
 * incremental build). Exits when the CMS goes away.
 */
import { build } from 'astro'
import { BUILD_WAITING } from '../../../contract'
import { buildRequest, type WorkerMessage } from './protocol'

const send = (message: WorkerMessage) => process.send?.(message)
const waiting = globalThis as { [key: symbol]: unknown }

process.on('message', async (message) => {
  const { id, outDir, cmsUrl } = buildRequest.parse(message)
  // The last build's background work stops now, not when Astro has loaded (site/serving/).
  waiting[Symbol.for(BUILD_WAITING)] = true
  try {
    // Read by astro.config.mjs and the site's modules, which are loaded again for every build.
    Object.assign(process.env, { SITE_OUT_DIR: outDir, CMS_URL: cmsUrl })
    await build({ root: process.cwd() })
    send({ id, ok: true, rssBytes: process.memoryUsage().rss })
  } catch (error) {
    send({
      id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  }
})
process.on('disconnect', () => process.exit(0))
send({ ready: true })
