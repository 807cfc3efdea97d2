import fs from 'node:fs'
import path from 'node:path'

/** A lock its holder has not touched for this long is abandoned (see withBuildLock). */
export const STALE_MS = 60_000

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The lock's owner pid (0 when not written yet) and when it was last touched; undefined: gone. */
function readLock(lock: string): { owner: number; touchedMs: number } | undefined {
  try {
    const owner = Number(fs.readFileSync(lock, 'utf8')) || 0
    return { owner, touchedMs: fs.statSync(lock).mtimeMs }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * One build at a time on a build cache, across processes (`npm start`'s first build and the CMS's
 * jobs): Astro's cache folder is not safe for two builds at once. The lock file holds the owner's
 * pid and is touched while held. A lock is taken over when its owner died, or when nobody touched
 * it for `staleMs`: a process stopped by a signal leaves its lock behind, and after a container
 * restart its pid often belongs to another live process (the CMS started before the first build).
 */
export async function withBuildLock<T>(
  cacheDir: string,
  fn: () => Promise<T>,
  timeoutMs = 15 * 60_000,
  staleMs = STALE_MS,
): Promise<T> {
  const lock = path.join(cacheDir, 'build.lock')
  fs.mkdirSync(cacheDir, { recursive: true })
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const held = readLock(lock)
      if (!held) continue // released in between
      const abandoned = (held.owner && !alive(held.owner)) || Date.now() - held.touchedMs > staleMs
      if (abandoned) fs.rmSync(lock, { force: true })
      else if (Date.now() > deadline)
        throw new Error(`another build (process ${held.owner}) still holds ${lock}`)
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const heartbeat = setInterval(() => {
    const now = new Date()
    fs.promises.utimes(lock, now, now).catch(() => {})
  }, staleMs / 6)
  heartbeat.unref()
  try {
    return await fn()
  } finally {
    clearInterval(heartbeat)
    fs.rmSync(lock, { force: true })
  }
}
