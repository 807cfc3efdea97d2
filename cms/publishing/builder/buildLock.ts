import fs from 'node:fs'
import path from 'node:path'

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One build at a time on a build cache, across processes (`npm start`'s first build and the CMS's
 * jobs): Astro's cache folder is not safe for two builds at once. The lock file holds the owner's
 * pid; a lock whose owner died is taken over.
 */
export async function withBuildLock<T>(
  cacheDir: string,
  fn: () => Promise<T>,
  timeoutMs = 15 * 60_000,
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
      const owner = Number(fs.readFileSync(lock, { encoding: 'utf8', flag: 'a+' }))
      if (owner && !alive(owner)) fs.rmSync(lock, { force: true })
      else if (Date.now() > deadline)
        throw new Error(`another build (process ${owner}) still holds ${lock}`)
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(lock, { force: true })
  }
}
