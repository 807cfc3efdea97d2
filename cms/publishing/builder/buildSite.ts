import { DEFAULT_BUILD_CACHE_DIR } from '../../../contract'
import { publishingSettings } from '../settings'
import { newBuildDir, switchSite } from '../switchSite'
import { withBuildLock } from './buildLock'
import { SiteBuilder } from './siteBuilder'

let builder: SiteBuilder | undefined

/** This process's build process (started on first use, or ahead of it with `warm`). */
export const siteBuilder = (): SiteBuilder =>
  (builder ??= new SiteBuilder(publishingSettings().builderMaxRssMb * 1024 * 1024))

/**
 * In the server (the one that runs jobs): starts the build process ahead of the first publish, so
 * that publish does not wait for Node and Astro to load.
 */
export function warmSiteBuilder(): void {
  const settings = publishingSettings()
  if (process.env.RUN_JOBS === 'true' && settings.autoRebuild && !settings.deployHook)
    siteBuilder().warm()
}

/** Ends this process's build process (`npm start` after its first build, tests). */
export function stopSiteBuilder(): void {
  builder?.stop()
  builder = undefined
}

/**
 * Builds the static site into a new folder (reading this CMS) and switches the served site to it
 * only when the build succeeded; a failed build leaves the old site in place. Incremental: pages
 * that did not change are copied from the last build (site/lib/buildPlan.ts).
 */
export async function buildSite(siteDir: string, keep: number): Promise<{ dir: string }> {
  const cacheDir = process.env.ASTRO_CACHE_DIR || DEFAULT_BUILD_CACHE_DIR
  return withBuildLock(cacheDir, async () => {
    const dir = newBuildDir(siteDir)
    await siteBuilder().build(dir)
    const builder = siteBuilder()
    const { pruned } = await switchSite(siteDir, dir, keep, () => builder.building)
    pruned.catch((error: unknown) =>
      console.warn(`Old site builds not removed yet (next time): ${String(error)}`),
    )
    return { dir }
  })
}

/** Asks a static host to build (Netlify, Vercel, Cloudflare Pages … all take a POST). */
export async function callDeployHook(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST' })
  if (!response.ok) throw new Error(`deploy hook answered ${response.status}`)
}
