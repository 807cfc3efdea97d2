import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { z } from 'astro/zod'
import { buildFiles, recordWritten } from '../incremental/buildFiles'
import { FileMemo } from '../lib/fileMemo'
import { HEADERS_FILE, headersFile, NGINX_INCLUDE, parseHeaderRules } from '../security/siteHeaders'
import { cacheRules, nginxCacheMap } from './cachePolicy'
import { isHostFile, NGINX_MAPS } from './hostFiles'
import {
  CHANGE_QUALITY_MS,
  inBuildProcess,
  stopUpgrade,
  upgradeInBackground,
} from './backgroundUpgrade'
import { MAX_QUALITY_MS, precompress } from './precompress'
import {
  fetchRedirects,
  nginxRedirectMap,
  planRedirects,
  REDIRECT_PAGE_MARK,
  redirectPage,
  redirectsFile,
  REDIRECTS_FILE,
  type Redirect,
} from './redirects'

const nginxMapsHeader = `# Leuchtturm: maps of this build for nginx's http block (map is not allowed in server):
#   http { include /path/to/site/${NGINX_MAPS}; }
# ${NGINX_INCLUDE} (server block) uses them: Cache-Control per path, and for an old URL
#   if ($leuchtturm_redirect) { return 301 $leuchtturm_redirect$is_args$args; }
# Long paths may need map_hash_bucket_size 128; in the http block.
`

const nginxServerLines = `# Cache-Control per path and 301s from old URLs: needs ${NGINX_MAPS} in the http block.
add_header Cache-Control $leuchtturm_cache_control always;
if ($leuchtturm_redirect) { return 301 $leuchtturm_redirect$is_args$args; }
`

/** Is `file` (under the build) a page of the site, not a redirect page of an earlier step? */
const isRealPage = (file: string) => {
  try {
    return !fs.readFileSync(file, 'utf8').includes(REDIRECT_PAGE_MARK)
  } catch {
    return false
  }
}

/**
 * The build's serving files, after the security headers (list it after `securityHeaders`): the
 * CMS's redirects as `_redirects`, nginx map and meta-refresh pages; the cache policy in `_headers`
 * and nginx; then `.br` and `.gz` next to every compressible file (precompress.ts).
 */
export function serving(options: { cmsUrl: string }): AstroIntegration {
  let siteUrl = ''
  let cacheDir = ''
  let entries: Redirect[] = []
  return {
    name: 'leuchtturm:serving',
    hooks: {
      'astro:config:setup': async () => {
        // The last build's upgrade writes into the cache this build is about to use.
        await stopUpgrade()
      },
      'astro:config:done': ({ config }) => {
        siteUrl = config.site ?? ''
        cacheDir = fileURLToPath(config.cacheDir)
      },
      // Before rendering: a CMS that cannot say where old URLs go stops the build at once.
      'astro:build:start': async () => {
        entries = await fetchRedirects(options.cmsUrl)
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir)
        const at = (urlPath: string) =>
          path.join(root, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath)
        const { redirects, skipped } = planRedirects(entries, (p) => isRealPage(at(p)))
        for (const entry of skipped)
          logger.warn(`redirect skipped (not a plain path): ${entry.from} -> ${entry.to}`)
        for (const { from, to } of redirects)
          if (from.endsWith('/')) {
            fs.mkdirSync(path.dirname(at(from)), { recursive: true })
            fs.writeFileSync(at(from), redirectPage(to, siteUrl))
            recordWritten(root, `${from.slice(1)}index.html`)
          }
        fs.writeFileSync(path.join(root, REDIRECTS_FILE), redirectsFile(redirects))

        // Known without listing the build (site/incremental/buildFiles.ts).
        const { files, isKept } = buildFiles(root)
        const rules = cacheRules(files.filter((file) => !isHostFile(file)))
        const headersPath = path.join(root, HEADERS_FILE)
        const existing = fs.existsSync(headersPath)
          ? parseHeaderRules(fs.readFileSync(headersPath, 'utf8'))
          : []
        const everyPath = existing.find((rule) => rule.path === '/*')?.headers ?? {}
        const others = existing.filter((rule) => rule.path !== '/*')
        fs.writeFileSync(headersPath, headersFile(everyPath, [...others, ...rules]))
        fs.writeFileSync(
          path.join(root, NGINX_MAPS),
          nginxMapsHeader + nginxRedirectMap(redirects) + nginxCacheMap(rules),
        )
        fs.appendFileSync(path.join(root, NGINX_INCLUDE), nginxServerLines)

        const started = performance.now()
        // Files kept from the last build are not read or hashed again (site/lib/fileMemo.ts).
        const memo = new FileMemo(cacheDir, root, 'content-sha', z.string().nullable())
        // In the CMS's build process the upgrade follows at once, so a change is served sooner with
        // brotli 5 than with 11; a CLI build (a static host's CI) takes the full budget.
        const report = await precompress(root, path.join(cacheDir, 'compressed'), {
          memo,
          files,
          isKept,
          maxQualityMs: inBuildProcess() ? CHANGE_QUALITY_MS : MAX_QUALITY_MS,
        })
        memo.save()
        upgradeInBackground(path.join(cacheDir, 'compressed'), report.upgradable)
        logger.info(
          `${redirects.length} redirects, ${rules.length} cache rules; ${report.files} files precompressed: ${report.compressed} compressed, ${report.fast} fast, ${report.reused} reused (${Math.round(performance.now() - started)} ms)`,
        )
      },
    },
  }
}
