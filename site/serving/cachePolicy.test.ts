import { describe, expect, it } from 'vitest'
import { headerMatcher } from '../security/siteHeaders'
import { CACHE_CONTROL, cacheRules, nginxCacheMap } from './cachePolicy'

const build = [
  'index.html',
  '404.html',
  'rss.xml',
  'favicon.svg',
  '_astro/app.Ab12.css',
  'blog/a/index.html',
  'blog/a/kommentare/2/index.html',
  'tags/x/index.html',
  'og/a.png',
]

describe('cacheRules', () => {
  const policyOf = headerMatcher(cacheRules(build))
  const policy = (path: string) => policyOf(path)['Cache-Control']

  it('makes hashed assets immutable, pages revalidating and the rest short', () => {
    expect(policy('/_astro/app.Ab12.css')).toBe(CACHE_CONTROL.immutable)
    for (const page of ['/', '/blog/a/', '/blog/a/kommentare/2/', '/tags/x/', '/404.html'])
      expect(policy(page), page).toBe(CACHE_CONTROL.page)
    for (const other of ['/rss.xml', '/favicon.svg', '/og/a.png'])
      expect(policy(other), other).toBe(CACHE_CONTROL.short)
  })

  it('gives no path two Cache-Control rules (Cloudflare would join their values)', () => {
    const rules = cacheRules(build)
    for (const file of build) {
      const path = `/${file.replace(/index\.html$/, '')}`
      const matching = rules.filter((rule) =>
        new RegExp(`^${rule.path.replace(/[.]/g, '\\.').replace('*', '.*')}$`).test(path),
      )
      expect(matching, path).toHaveLength(1)
    }
  })

  it('writes the same policy as an nginx map, matching $uri after index.html', () => {
    const map = nginxCacheMap(cacheRules(build))
    expect(map).toContain('map $uri $leuchtturm_cache_control {\n  default "";\n')
    expect(map).toContain(`"~^/(index\\.html)?$" "${CACHE_CONTROL.page}";`)
    expect(map).toContain(`"~^/_astro/.*$" "${CACHE_CONTROL.immutable}";`)
    expect(map).toContain(`"~^/rss\\.xml$" "${CACHE_CONTROL.short}";`)
  })
})
