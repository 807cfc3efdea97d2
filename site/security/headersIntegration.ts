import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import {
  headersFile,
  HEADERS_FILE,
  inlineHashes,
  nginxInclude,
  NGINX_INCLUDE,
  siteSecurityHeaders,
  type InlineHashes,
} from './siteHeaders'

/**
 * After every `astro build` (here or on a static host's CI): hashes the inline scripts and styles
 * of all pages and writes the site's headers into the build as `_headers` and an nginx include.
 */
export function securityHeaders(options: { cmsUrl: string }): AstroIntegration {
  let siteUrl = ''
  return {
    name: 'leuchtturm:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site ?? ''
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir)
        const hashes: InlineHashes = { scripts: [], styles: [] }
        for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }))
          if (file.endsWith('.html')) {
            const page = inlineHashes(fs.readFileSync(path.join(root, file), 'utf8'))
            hashes.scripts.push(...page.scripts)
            hashes.styles.push(...page.styles)
          }
        const headers = siteSecurityHeaders({ siteUrl, cmsUrl: options.cmsUrl, hashes })
        fs.writeFileSync(path.join(root, HEADERS_FILE), headersFile(headers))
        fs.writeFileSync(path.join(root, NGINX_INCLUDE), nginxInclude(headers))
        logger.info(
          `${HEADERS_FILE} and ${NGINX_INCLUDE} written (${new Set(hashes.scripts).size} inline scripts, ${new Set(hashes.styles).size} styles hashed)`,
        )
      },
    },
  }
}
