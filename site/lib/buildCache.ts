import { createHash } from 'node:crypto'
import path from 'node:path'
import { DEFAULT_BUILD_CACHE_DIR } from '../../contract'

/**
 * Astro's cache folder (`cacheDir`): the content store, the incremental build's manifest and its
 * copies of unchanged pages, and this site's own record of them (buildPlan.ts). It survives
 * restarts; Astro starts over when it is missing or the code, config or lockfile changed.
 */
export const BUILD_CACHE_DIR = path.resolve(process.env.ASTRO_CACHE_DIR || DEFAULT_BUILD_CACHE_DIR)

/** Astro's manifest of the last finished incremental build (astro/dist/core/build/incremental.js). */
export const ASTRO_MANIFEST = path.join(BUILD_CACHE_DIR, 'incremental-build.json')

/** A short, stable key for a page's `cacheKey`: changes when any of the parts does. */
export const pageKey = (...parts: (string | number | null | undefined)[]): string => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(`${part ?? ''}\u0000`)
  return hash.digest('base64url').slice(0, 22)
}
