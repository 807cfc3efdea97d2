import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { SITE_NAME } from '../lib/config'
import { eachLimited } from '../lib/eachLimited'
import { readPageRecord } from '../lib/pageRecord'
import { recordWritten } from '../incremental/buildFiles'
import { prepareOgImages } from './ogCache'

/**
 * Sharing images at `/og/<slug>.png` for every published article. A build draws the missing ones
 * (site/og/ogCache.ts) and hard-links them into place after rendering: as 1,000 pages of Astro's
 * they cost a copy each per build. `astro dev` serves them from a route (devRoute.ts). List it
 * before the integrations that read the build's files (security headers, serving).
 */
export function ogImages(): AstroIntegration {
  return {
    name: 'leuchtturm:og-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev')
          injectRoute({
            pattern: '/og/[slug].png',
            entrypoint: fileURLToPath(new URL('./devRoute.ts', import.meta.url)),
          })
      },
      'astro:build:done': async ({ dir, logger }) => {
        // This build's articles, as its plan recorded them (site/lib/buildPlan.ts).
        const articles = Object.entries(readPageRecord())
        const started = performance.now()
        const files = await prepareOgImages(
          articles.map(([, { title }]) => title),
          SITE_NAME,
        )
        const root = fileURLToPath(dir)
        const out = path.join(root, 'og')
        fs.mkdirSync(out, { recursive: true })
        await eachLimited(articles, 16, async ([slug, { title }]) => {
          const target = path.join(out, `${slug}.png`)
          await fs.promises.link(files.get(title)!, target).catch(async () => {
            await fs.promises.copyFile(files.get(title)!, target)
          })
          recordWritten(root, `og/${slug}.png`)
        })
        logger.info(
          `${articles.length} sharing images in place (${Math.round(performance.now() - started)} ms)`,
        )
      },
    },
  }
}
