import fs from 'node:fs'
import path from 'node:path'
import { BUILD_CACHE_DIR } from '../lib/buildCache'
import type { FinishedBuild } from './builds'
import { pageFiles, pageLinker } from './linkPages'

/**
 * In the CMS's long-lived build process, the kept pages are linked between builds instead of
 * during them: once a build is finished, every keyed page of it (with its `.br` and `.gz`) is
 * hard-linked into a folder of the build cache, and the next build that builds on it takes that
 * folder over as its own (one rename). Rendered and dropped pages are then taken out of it
 * (unstage), a few files, where a change at 10,000 articles otherwise waits for 21,000 folders and
 * 64,000 links (4–5 s of disk, 1.5 s of it after rendering).
 */
const STAGED = Symbol.for('leuchtturm.stagedPages')
type Staged = { from: string; dir: string; files: Promise<string[]> }
const slot = globalThis as { [STAGED]?: Staged }
const STAGING = path.join(BUILD_CACHE_DIR, 'leuchtturm-staged')

/** Starts linking the pages of `finished` for the next build (on the linker's thread). */
export function stageNextBuild(finished: FinishedBuild): void {
  const dir = path.join(STAGING, String(Date.now()))
  const files = pageLinker().link(finished.dir, dir, Object.keys(finished.pages))
  // Awaited by the next build; a failure there means linking as usual.
  files.catch(() => {})
  slot[STAGED] = { from: finished.dir, dir, files }
}

/**
 * Makes the pages staged from `base` the start of `outDir` (which must not exist or be empty);
 * resolves with their files, or undefined when nothing usable was staged (none, another base, a
 * failure: the build links its kept pages itself). Staging folders left by an earlier process,
 * or not used, are removed in the background.
 */
export async function takeStaged(
  base: FinishedBuild | null,
  outDir: string,
): Promise<Set<string> | undefined> {
  const staged = slot[STAGED]
  slot[STAGED] = undefined
  const files = await staged?.files.catch(() => undefined)
  let taken: Set<string> | undefined
  if (staged && files && base && path.resolve(staged.from) === path.resolve(base.dir)) {
    try {
      if (fs.existsSync(outDir)) fs.rmdirSync(outDir)
      fs.mkdirSync(path.dirname(outDir), { recursive: true })
      fs.renameSync(staged.dir, outDir)
      taken = new Set(files)
    } catch {
      // Another disk than the cache's, or the folder holds something: link as usual.
    }
  }
  const leftovers = fs.existsSync(STAGING) ? fs.readdirSync(STAGING) : []
  for (const name of leftovers)
    void fs.promises.rm(path.join(STAGING, name), { recursive: true, force: true })
  return taken
}

/**
 * Takes a page out of the staged ones (it is rendered again, or gone): its files are removed
 * before anything writes there, as writing through a link would change the last build's page.
 */
export function unstage(outDir: string, staged: Set<string>, pagePath: string): void {
  for (const file of pageFiles(pagePath))
    if (staged.delete(file)) fs.rmSync(path.join(outDir, file), { force: true })
}

/** Removes the folders of gone pages that are left empty (`blog/x/kommentare/2/` up to `blog/`). */
export function removeEmptyFolders(outDir: string, pagePaths: string[]): void {
  // The deepest first: a page's folder may hold another page's (`blog/x/kommentare/2/`).
  for (const pagePath of [...pagePaths].sort((a, b) => b.length - a.length)) {
    let dir = path.join(outDir, pagePath)
    while (!path.relative(outDir, dir).startsWith('..') && path.relative(outDir, dir) !== '') {
      try {
        fs.rmdirSync(dir)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') break // not empty
      }
      dir = path.dirname(dir)
    }
  }
}
