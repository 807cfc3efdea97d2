import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { SITE_NAME } from '../lib/config'
import {
  forgetLastBuild,
  readLastBuild,
  readPlanned,
  startBuild,
  thisBuild,
  writeLastBuild,
  writePlanned,
} from './builds'
import { listFiles, recordBuildFiles } from './buildFiles'
import { inputsDigest } from './inputsDigest'
import { removeEmptyFolders, stageNextBuild, takeStaged, unstage } from './stagedPages'
import { inBuildProcess } from '../serving/backgroundUpgrade'

/**
 * Incremental builds: each build goes into a new folder and renders only the pages whose key
 * changed since the last finished build (site/incremental/keptPages.ts); every other keyed page
 * is hard-linked from that build's folder: between builds in the CMS's build process
 * (stagedPages.ts), else while Astro renders (linkPages.ts). Unlike Astro's
 * experimental incremental build, which restores every unchanged page itself (about 1 ms each:
 * 25 s of a change at 10,000 articles), Astro here never sees the kept pages. Returns two integrations: `keep` first (before the ones
 * reading the build's files), `finish` last, recording the build once everything succeeded.
 * `sitemapPages` are the kept pages' URLs, for the sitemap's `customPages`.
 */
export function keptPages() {
  let root = ''
  let cwd = ''
  let site = ''
  let inputs = ''
  let assetsDir = ''
  let publicDir = ''
  const sitemapPages: string[] = []
  const keep: AstroIntegration = {
    name: 'leuchtturm:kept-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir)
        cwd = fileURLToPath(config.root)
        site = config.site ?? ''
        assetsDir = config.build.assets
        publicDir = fileURLToPath(config.publicDir)
        // Left by Astro's experimental incremental build, which this replaced: a copy of every page
        // (30 s to remove at 10,000 articles: moved aside and removed while the build goes on).
        const cacheDir = fileURLToPath(config.cacheDir)
        fs.rmSync(path.join(cacheDir, 'incremental-build.json'), { force: true })
        const legacy = path.join(cacheDir, 'dist')
        if (fs.existsSync(legacy)) fs.renameSync(legacy, `${legacy}-${Date.now()}.old`)
        for (const entry of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : [])
          if (/^dist-\d+\.old$/.test(entry))
            void fs.promises.rm(path.join(cacheDir, entry), { recursive: true, force: true })
      },
      'astro:build:start': async () => {
        inputs = inputsDigest(cwd, { site, SITE_NAME })
        const last = readLastBuild()
        // A build into the last one's own folder (a CLI build into dist/site) cannot link from it.
        const usable =
          last &&
          last.inputs === inputs &&
          path.resolve(last.dir) !== path.resolve(root) &&
          fs.existsSync(last.dir)
        const base = usable ? last : null
        const staged = await takeStaged(base, root)
        // Astro's own emptying is off (astro.config.mjs): it would remove the staged pages.
        if (!staged) emptyFolder(root)
        startBuild({ outDir: root, base, staged, linking: [] })
        writePlanned({})
      },
      'astro:build:done': async ({ assets, logger }) => {
        const started = performance.now()
        const build = thisBuild()
        let kept: string[]
        try {
          kept = (await Promise.all(build?.linking ?? [])).flat()
        } catch (error) {
          // The last build's folder lost a page: no later build may trust it.
          forgetLastBuild()
          const why = error instanceof Error ? error.message : String(error)
          throw new Error(`a page could not be kept from ${build?.base?.dir}: ${why}`)
        }
        const planned = readPlanned()
        if (build?.base && build.staged) {
          // Staged pages no route offered any more (an unpublished article, an old slug).
          const gone = Object.keys(build.base.pages).filter((page) => !(page in planned))
          for (const page of gone) unstage(root, build.staged, page)
          removeEmptyFolders(root, gone)
          kept = [...build.staged]
        }
        // What Astro wrote, known without listing the build (that opens every kept page's folder):
        // the pages it rendered, its bundled assets and the public files.
        const inBuild = (url: URL) =>
          path.relative(root, fileURLToPath(url)).split(path.sep).join('/')
        const written = [
          ...[...assets.values()].flat().map(inBuild),
          ...listFiles(path.join(root, assetsDir)).map((file) => `${assetsDir}/${file}`),
          ...listFiles(publicDir),
        ]
        recordBuildFiles(root, written, kept)
        const base = build?.base
        let pages = 0
        if (base)
          for (const [pagePath, key] of Object.entries(planned))
            if (base.pages[pagePath] === key) {
              sitemapPages.push(new URL(pagePath, site).href)
              pages++
            }
        const ms = Math.round(performance.now() - started)
        logger.info(
          `${pages} unchanged pages kept (${build?.staged ? 'linked before the build' : `${ms} ms after rendering`})`,
        )
      },
    },
  }
  const finish: AstroIntegration = {
    name: 'leuchtturm:finished-build',
    hooks: {
      'astro:build:done': () => {
        const finished = { dir: root, inputs, pages: readPlanned() }
        writeLastBuild(finished)
        // The CMS's build process builds again later: the next build's kept pages, from now on.
        if (inBuildProcess()) stageNextBuild(finished)
      },
    },
  }
  return { keep, finish, sitemapPages }
}

/** Empties a build's folder, as Astro does (keeping a `.git` there). */
function emptyFolder(dir: string): void {
  if (!fs.existsSync(dir)) return
  for (const name of fs.readdirSync(dir))
    if (name !== '.git') fs.rmSync(path.join(dir, name), { recursive: true, force: true })
}
