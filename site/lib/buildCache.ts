import { createHash } from 'node:crypto'
import path from 'node:path'
import { DEFAULT_BUILD_CACHE_DIR } from '../../contract'

/**
 * Astro's cache folder (`cacheDir`): its content store (the MDX pages), the articles
 * (articleStore.ts) and this site's records of the last build
 * (site/incremental/, buildPlan.ts), compressed files and sharing images. It survives restarts;
 * without it, or when the code changed, every page is rendered again.
 */
export const BUILD_CACHE_DIR = path.resolve(process.env.ASTRO_CACHE_DIR || DEFAULT_BUILD_CACHE_DIR)

/** A short, stable key for a page: changes when any of the parts does. */
export const pageKey = (...parts: (string | number | null | undefined)[]): string => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(`${part ?? ''}\u0000`)
  return hash.digest('base64url').slice(0, 22)
}
