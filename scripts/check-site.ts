/**
 * `astro check` needs the content layer synced, and syncing asks the CMS. This runs it against a
 * throw-away local CMS so the type check works on a fresh clone with nothing running. It also
 * writes .astro/types.d.ts (the `astro:content` types), which `tsc` needs: run it first.
 */
import { startLocalCms } from './lib/localCms'
import { run } from './lib/processes'

const cms = await startLocalCms()
let failed = false
try {
  await run('astro', ['check'], {
    env: { CMS_URL: cms.url, ASTRO_CACHE_DIR: `${cms.dir}/astro-cache` },
  })
} catch {
  failed = true
} finally {
  await cms.stop()
}
process.exit(failed ? 1 : 0)
