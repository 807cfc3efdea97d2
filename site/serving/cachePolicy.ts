import type { HeaderRule } from '../security/siteHeaders'

/**
 * The site's one caching policy. The build writes it per path into `_headers` and the nginx maps
 * (servingIntegration.ts); the local static server reads it back from `_headers`.
 */
export const CACHE_CONTROL = {
  /** Hashed assets: their name changes with their content. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pages: always asked again, answered 304 while unchanged (ETag). */
  page: 'public, max-age=0, must-revalidate',
  /** Feeds, sitemaps, share images, favicon: a few minutes stale at most. */
  short: 'public, max-age=300',
} as const

const HASHED_ASSETS = '_astro'

/**
 * One rule per top-level entry of the build, so no path matches two rules that name Cache-Control
 * (Cloudflare Pages would join their values, Netlify takes one). A folder of pages is `page`, also
 * when it holds other files (revalidating never serves stale content).
 */
export function cacheRules(files: string[]): HeaderRule[] {
  const top = new Map<string, string[]>()
  for (const file of files) {
    const [first = '', ...rest] = file.split('/')
    const key = rest.length > 0 ? `${first}/` : first
    const inside = top.get(key)
    // push, not a copy per file: `blog/` holds 20,000 files at 10,000 articles
    if (inside) inside.push(file)
    else top.set(key, [file])
  }
  const rule = (path: string, policy: keyof typeof CACHE_CONTROL): HeaderRule => ({
    path,
    headers: { 'Cache-Control': CACHE_CONTROL[policy] },
  })
  return [...top.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, inside]) => {
      if (key === 'index.html') return rule('/', 'page')
      if (!key.endsWith('/')) return rule(`/${key}`, key.endsWith('.html') ? 'page' : 'short')
      if (key === `${HASHED_ASSETS}/`) return rule(`/${key}*`, 'immutable')
      return rule(`/${key}*`, inside.some((file) => file.endsWith('.html')) ? 'page' : 'short')
    })
}

/** A `_headers` path as an nginx regex over `$uri`, which ends in `index.html` after `index`. */
const nginxPattern = (path: string) =>
  `~^${path
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')}${path.endsWith('/') ? '(index\\.html)?' : ''}$`

/** The `map` of Cache-Control values per path for nginx's http block (first match wins). */
export const nginxCacheMap = (rules: HeaderRule[]): string =>
  `map $uri $leuchtturm_cache_control {\n  default "";\n${rules
    .filter((rule) => rule.headers['Cache-Control'])
    .map((rule) => `  "${nginxPattern(rule.path)}" "${rule.headers['Cache-Control']}";\n`)
    .join('')}}\n`
