import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BUILD_CACHE_DIR } from '../lib/buildCache'
import { ogImage, ogSvg } from './ogImage'

/**
 * Sharing images kept in the build cache by the SVG they are drawn from, so an image is drawn once
 * (about 15 ms of one core) and survives what makes Astro render every page again (a code or
 * config change). Missing ones are drawn up front, on every core; images no article uses any more
 * are removed. Files are written whole under a new name, never changed in place, so builds may
 * hard-link them.
 */
const DIR = path.join(BUILD_CACHE_DIR, 'og')
const fileOf = (title: string, siteName: string) =>
  path.join(DIR, `${createHash('sha256').update(ogSvg(title, siteName)).digest('hex')}.png`)

/**
 * Drawing starts while Astro renders (drawInBackground, from the build's plan): rendering keeps one
 * core busy, drawing the other. The build's own call waits for it. Astro bundles this module into
 * the pages apart from the integration's copy, hence the process-wide slot.
 */
const DRAWING = Symbol.for('leuchtturm.ogDrawing')
type Drawing = {
  titles: string[]
  siteName: string
  files: Promise<Map<string, string> | undefined>
}
const slot = globalThis as { [DRAWING]?: Drawing }

export function drawInBackground(titles: string[], siteName: string): void {
  slot[DRAWING] = {
    titles,
    siteName,
    // The build's own call draws what failed.
    files: prepareOgImages(titles, siteName, 1).catch(() => undefined),
  }
}

const sameTitles = (a: string[], b: string[]) => {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((title) => set.has(title))
}

/**
 * Draws the missing images of these titles (`parallel` at a time), forgets the images of other
 * titles, and returns each title's file.
 */
export async function prepareOgImages(
  titles: string[],
  siteName: string,
  parallel = os.availableParallelism(),
): Promise<Map<string, string>> {
  const drawing = slot[DRAWING]
  if (drawing) {
    slot[DRAWING] = undefined
    const files = await drawing.files
    // The usual case: the build asks for what its plan drew (10,000 files not looked at again).
    if (files && drawing.siteName === siteName && sameTitles(drawing.titles, titles)) return files
  }
  fs.mkdirSync(DIR, { recursive: true })
  const wanted = new Map(titles.map((title) => [fileOf(title, siteName), title]))
  for (const name of fs.readdirSync(DIR)) {
    const file = path.join(DIR, name)
    if (!wanted.has(file)) fs.rmSync(file, { force: true })
  }
  const missing = [...wanted].filter(([file]) => !fs.existsSync(file))
  let next = 0
  const draw = async () => {
    while (next < missing.length) {
      const [file, title] = missing[next++]!
      const temp = `${file}.${randomUUID()}.tmp`
      // On the thread pool: creating a file takes up to a millisecond while the build writes its
      // pages, which Astro's rendering on this thread would wait for (1.3 s of a cold build).
      await fs.promises.writeFile(temp, await ogImage(title, siteName))
      await fs.promises.rename(temp, file)
    }
  }
  await Promise.all(Array.from({ length: parallel }, draw))
  return new Map([...wanted].map(([file, title]) => [title, file]))
}

/** The image of this title: from the cache, or drawn now. */
export async function cachedOgImage(title: string, siteName: string): Promise<Buffer> {
  const file = fileOf(title, siteName)
  try {
    return fs.readFileSync(file)
  } catch {
    return ogImage(title, siteName)
  }
}
