import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** The folder next to the served site where builds are kept: dist/site -> dist/site.builds/<time>. */
export const buildsDir = (siteDir: string) => `${siteDir}.builds`

export const newBuildDir = (siteDir: string) =>
  path.join(buildsDir(siteDir), new Date().toISOString().replace(/[:.]/g, '-'))

// One removal at a time: a burst of builds must not have two of them delete the same folder.
let pruning: Promise<void> = Promise.resolve()

/**
 * Points the served site at a finished build in one step (a symlink renamed over the old one), so
 * readers see the old site or the new one, never half of each. Keeps the newest `keep` builds:
 * older ones are removed after the switch, in the background (`pruned`): at 10,000 articles a
 * build is 65,000 files, 5–15 s to remove, which the next build need not wait for. The removal
 * pauses while `busy()` (a build runs), so it does not slow that build down either.
 */
export async function switchSite(
  siteDir: string,
  buildDir: string,
  keep = 3,
  busy: () => boolean = () => false,
): Promise<{ pruned: Promise<void> }> {
  const stat = fs.lstatSync(siteDir, { throwIfNoEntry: false })
  if (stat && !stat.isSymbolicLink()) fs.rmSync(siteDir, { recursive: true, force: true })
  const temp = `${siteDir}.next-link`
  fs.rmSync(temp, { force: true })
  fs.symlinkSync(path.relative(path.dirname(siteDir), buildDir), temp)
  fs.renameSync(temp, siteDir)
  // The build just switched to is never pruned, whatever its name sorts like.
  const builds = fs
    .readdirSync(buildsDir(siteDir))
    .filter((name) => name !== path.basename(buildDir))
    .sort()
  const old = builds.slice(0, Math.max(0, builds.length - Math.max(keep - 1, 0)))
  pruning = pruning.then(async () => {
    for (const name of old) await removeGently(path.join(buildsDir(siteDir), name), busy)
  })
  const pruned = pruning
  // The next removal goes on after a failed one (what is left is removed then).
  pruning = pruning.catch(() => {})
  return { pruned }
}

const BATCH = 500

/** Removes a folder a batch of files at a time, waiting between batches while `busy()`. */
async function removeGently(dir: string, busy: () => boolean): Promise<void> {
  if (!fs.existsSync(dir)) return
  const entries = await fs.promises.readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
  for (let i = 0; i < files.length; i += BATCH) {
    while (busy()) await sleep(250)
    await Promise.all(
      files.slice(i, i + BATCH).map((file) => fs.promises.rm(file, { force: true })),
    )
  }
  // What is left: the empty folders.
  await fs.promises.rm(dir, { recursive: true, force: true })
}
