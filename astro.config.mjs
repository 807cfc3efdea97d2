// @ts-check
import mdx from '@astrojs/mdx'
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'
import { fileURLToPath } from 'node:url'
import { keptPages } from './site/incremental/keptPagesIntegration.ts'
import { earlyReads } from './site/lib/earlyReads.ts'
import { BUILD_CACHE_DIR } from './site/lib/buildCache.ts'
import { ogImages } from './site/og/ogIntegration.ts'
import { securityHeaders } from './site/security/headersIntegration.ts'
import { serving } from './site/serving/servingIntegration.ts'

const siteUrl = process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`
const cmsUrl = (process.env.CMS_URL ?? `http://localhost:${process.env.CMS_PORT ?? 3000}`).replace(
  /\/$/,
  '',
)

/**
 * The site's own client directives (see each file).
 * @type {import('astro').AstroIntegration}
 */
const clientDirectives = {
  name: 'leuchtturm:client-directives',
  hooks: {
    'astro:config:setup': ({ addClientDirective }) => {
      addClientDirective({
        name: 'visible-or-hash',
        entrypoint: fileURLToPath(new URL('./site/directives/visibleOrHash.ts', import.meta.url)),
      })
    },
  },
}

const kept = keptPages()

export default defineConfig({
  site: siteUrl,
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.SITE_OUT_DIR ?? './dist/site',
  // The content store and the record of the last build live here between builds (site/lib/buildCache.ts).
  cacheDir: BUILD_CACHE_DIR,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    react(),
    // Starts the CMS reads every build needs while Astro bundles (site/lib/earlyReads.ts).
    earlyReads(),
    // First to run after rendering: links the unchanged pages from the last build (site/incremental/).
    kept.keep,
    sitemap({
      filter: (page) => !page.includes('/vorschau/'),
      // Read when the build is done, after kept.keep filled it.
      customPages: kept.sitemapPages,
    }),
    clientDirectives,
    // Before the integrations that read the build's files.
    ogImages(),
    securityHeaders({ cmsUrl }),
    // After the security headers: adds the cache policy to their files, then compresses the build.
    serving({ cmsUrl }),
    // Last: records the build for the next one, once every step above succeeded.
    kept.finish,
  ],
  devToolbar: { enabled: false },
  // The build's folder may start with the kept pages in it (site/incremental/stagedPages.ts): the
  // kept pages' integration empties it otherwise.
  vite: { build: { emptyOutDir: false } },
})
