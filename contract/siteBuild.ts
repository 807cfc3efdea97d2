import type { CommentsData } from './comments'

/**
 * What a static build reads of the CMS in bulk, instead of two requests per article page: one
 * request for the stamps of every published article (to tell which pages changed since the last
 * build), then the comment pages of the changed ones, BUILD_COMMENTS_MAX_SLUGS per request.
 */

/** GET /api/public/site-build/stamps */
export interface BuildStamps {
  articles: {
    slug: string
    /** changes with every change to the article's public comment answer ('' before any) */
    comments: string
    /** share clicks counted so far */
    shares: number
  }[]
}

/** GET /api/public/site-build/comments?slugs=a,b,c: every page of each published article's comments
 * (COMMENT_THREADS_PER_PAGE threads each, in DEFAULT_SORT); unknown or unpublished slugs are left out. */
export interface BuildComments {
  articles: Record<string, { stamp: string; pages: CommentsData[] }>
}

export const BUILD_COMMENTS_MAX_SLUGS = 100

/** Astro's cache folder unless ASTRO_CACHE_DIR says otherwise (relative to the project). */
export const DEFAULT_BUILD_CACHE_DIR = 'node_modules/.astro'

/**
 * Set on globalThis (`Symbol.for(BUILD_WAITING)` = true) by the CMS's long-lived build process as
 * a build request arrives, before Astro loads: the last build's background work (brotli upgrades,
 * site/serving/) stops for it, and the build clears it once that stopped. Astro loads the site's modules anew per build, so only a
 * process-wide slot reaches that work.
 */
export const BUILD_WAITING = 'leuchtturm.buildWaiting'
