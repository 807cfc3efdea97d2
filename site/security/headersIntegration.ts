import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { z } from 'astro/zod'
import { eachLimited } from '../lib/eachLimited'
import { buildFiles } from '../incremental/buildFiles'
import { FileMemo } from '../lib/fileMemo'
import {
  headersFile,
  HEADERS_FILE,
  inlineHashes,
  nginxInclude,
  NGINX_INCLUDE,
  siteSecurityHeaders,
  type InlineHashes,
} from './siteHeaders'

const inlineHashesSchema = z.object({ scripts: z.array(z.string()), styles: z.array(z.string()) })

/**
 * After every `astro build` (here or on a static host's CI): hashes the inline scripts and styles
 * of all pages and writes the site's headers into the build as `_headers` and an nginx include.
 */
export function securityHeaders(options: { cmsUrl: string }): AstroIntegration {
  let siteUrl = ''
  let cacheDir = ''
  return {
    name: 'leuchtturm:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteUrl = config.site ?? ''
        cacheDir = fileURLToPath(config.cacheDir)
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir)
        const hashes: InlineHashes = { scripts: [], styles: [] }
        // Pages kept from the last build are not read again (site/lib/fileMemo.ts).
        const memo = new FileMemo(cacheDir, root, 'inline-hashes', inlineHashesSchema)
        const { files, isKept } = buildFiles(root)
        const pages = files.filter((file) => file.endsWith('.html'))
        await eachLimited(pages, 16, async (file) => {
          const read = async () =>
            inlineHashes(await fs.promises.readFile(path.join(root, file), 'utf8'))
          const page = await (isKept(file) ? memo.kept(file, read) : memo.get(file, read))
          hashes.scripts.push(...page.scripts)
          hashes.styles.push(...page.styles)
        })
        memo.save()
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
