import { BUILD_WAITING } from '../../contract'
import { upgradeBrotli, type Upgradable } from './precompress'

/**
 * Brotli of max quality for what a build compressed fast runs on after the build, off the way to
 * serving a change: in the CMS's long-lived build process until its next build starts, which stops
 * it (after the current file) and waits; a CLI build's process ends at once (upgradeBrotli leaves
 * nothing half-done). Astro loads this module anew for every build, hence the process-wide slot.
 */
const UPGRADE = Symbol.for('leuchtturm.brotliUpgrade')
type Upgrade = { stop: boolean; done: Promise<unknown> }
const slot = globalThis as { [UPGRADE]?: Upgrade; [key: symbol]: unknown }

/** Brotli 11 per build where upgradeBrotli runs right after it: what one article page needs. */
export const CHANGE_QUALITY_MS = 100

export function upgradeInBackground(cacheDir: string, files: Upgradable[]) {
  const upgrade: Upgrade = { stop: false, done: Promise.resolve() }
  // The CMS's build process says a build waits before Astro even loads (contract BUILD_WAITING).
  const stop = () => upgrade.stop || slot[Symbol.for(BUILD_WAITING)] === true
  // Best effort: what is not upgraded stays fast until a later build's upgrade.
  upgrade.done = upgradeBrotli(cacheDir, files, stop).catch(() => 0)
  slot[UPGRADE] = upgrade
}

/** At the start of a build: the last build's upgrade has stopped; this build's may run later. */
export async function stopUpgrade() {
  const upgrade = slot[UPGRADE]
  if (upgrade) {
    upgrade.stop = true
    await upgrade.done
  }
  slot[Symbol.for(BUILD_WAITING)] = false
}

/** In the CMS's long-lived build process (it set BUILD_WAITING), where upgrades follow each build. */
export const inBuildProcess = () => Symbol.for(BUILD_WAITING) in slot
