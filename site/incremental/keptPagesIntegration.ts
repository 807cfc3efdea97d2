import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { SITE_NAME } from '../lib/config'
import {
  forgetLastBuild,
  buildBase,
  readLastBuild,
  readPlanned,
  setBuildBase,
  writeLastBuild,
  writePlanned,
} from './builds'
import { listFiles, recordBuildFiles } from './buildFiles'
import { inputsDigest } from './inputsDigest'

/** The page file of a page path in a `build.format: 'directory'` build, relative to the build. */
const pageFile = (pagePath: string) => `${pagePath.slice(1)}index.html`

/**
 * Incremental builds: each build goes into a new folder and renders only the pages whose key
 * changed since the last finished build (site/incremental/keptPages.ts); every other keyed page
 * is hard-linked from that build's folder. Unlike Astro's experimental incremental build, which
 * restores every unchanged page itself (about 1 ms each: 25 s of a change at 10,000 articles),
 * Astro here never sees the kept pages. Returns two integrations: `keep` first (before the ones
 * reading the build's files), `finish` last, recording the build once everything succeeded.
 * `sitemapPages` are the kept pages' URLs, for the sitemap's `customPages`.
 */
export function keptPages() {
  let root = ''
  let cwd = ''
  let site = ''
  let inputs = ''
  const sitemapPages: string[] = []
  const keep: AstroIntegration = {
    name: 'leuchtturm:kept-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir)
        cwd = fileURLToPath(config.root)
        site = config.site ?? ''
        // Left by Astro's experimental incremental build, which this replaced: a copy of every page.
        const cacheDir = fileURLToPath(config.cacheDir)
        fs.rmSync(path.join(cacheDir, 'dist'), { recursive: true, force: true })
        fs.rmSync(path.join(cacheDir, 'incremental-build.json'), { force: true })
      },
      'astro:build:start': () => {
        inputs = inputsDigest(cwd, { site, SITE_NAME })
        const last = readLastBuild()
        // A build into the last one's own folder (a CLI build into dist/site) cannot link from it.
        const usable =
          last &&
          last.inputs === inputs &&
          path.resolve(last.dir) !== path.resolve(root) &&
          fs.existsSync(last.dir)
        setBuildBase(usable ? last : null)
        writePlanned({})
      },
      'astro:build:done': ({ logger }) => {
        const started = performance.now()
        // Before the kept pages are in: what Astro wrote, a short list after a small change.
        const written = listFiles(root)
        const base = buildBase()
        const kept: string[] = []
        for (const [pagePath, key] of Object.entries(base ? readPlanned() : {})) {
          if (base?.pages[pagePath] !== key) continue
          const file = pageFile(pagePath)
          const target = path.join(root, file)
          fs.mkdirSync(path.dirname(target), { recursive: true })
          try {
            fs.linkSync(path.join(base.dir, file), target)
          } catch (error) {
            // The last build's folder lost a page: no later build may trust it.
            forgetLastBuild()
            throw new Error(`page ${pagePath} could not be kept from ${base.dir}`, { cause: error })
          }
          sitemapPages.push(new URL(pagePath, site).href)
          kept.push(file)
        }
        recordBuildFiles(root, written, kept)
        logger.info(
          `${kept.length} unchanged pages kept (${Math.round(performance.now() - started)} ms)`,
        )
      },
    },
  }
  const finish: AstroIntegration = {
    name: 'leuchtturm:finished-build',
    hooks: {
      'astro:build:done': () => {
        writeLastBuild({ dir: root, inputs, pages: readPlanned() })
      },
    },
  }
  return { keep, finish, sitemapPages }
}
