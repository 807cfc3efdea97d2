// @ts-check
import mdx from '@astrojs/mdx'
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

const siteUrl = process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`

export default defineConfig({
  site: siteUrl,
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.SITE_OUT_DIR ?? './dist/site',
  // The content layer's store lives here between builds, so unchanged articles are not fetched again.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), react(), sitemap()],
  devToolbar: { enabled: false },
})
