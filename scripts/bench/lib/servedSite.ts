import fs from 'node:fs'
import path from 'node:path'

/** How often the bench looks at the served site. */
export const POLL_MS = 50

/**
 * Reads of the served site as a reader's request would see it: the SITE_OUT_DIR symlink resolved
 * anew on every look (a build switches it), files cached by their real path and mtime so that
 * polling a 50 MB feed every 50 ms reads it only when it changed.
 */
export class ServedSite {
  readonly #cache = new Map<string, { mtimeMs: number; text: string }>()
  #cachedRoot = ''

  constructor(readonly siteDir: string) {}

  /** The build folder served now ('' before the first build). */
  root(): string {
    try {
      return fs.realpathSync(this.siteDir)
    } catch {
      return ''
    }
  }

  exists(relative: string): boolean {
    const root = this.root()
    return root !== '' && fs.existsSync(path.join(root, relative))
  }

  /** The file's text, or null when the served site has no such file. */
  read(relative: string): string | null {
    const root = this.root()
    if (!root) return null
    if (root !== this.#cachedRoot) this.#cache.clear() // a new build: the old texts are stale
    this.#cachedRoot = root
    const file = path.join(root, relative)
    const stat = fs.statSync(file, { throwIfNoEntry: false })
    if (!stat?.isFile()) return null
    const cached = this.#cache.get(file)
    if (cached?.mtimeMs === stat.mtimeMs) return cached.text
    const text = fs.readFileSync(file, 'utf8')
    this.#cache.set(file, { mtimeMs: stat.mtimeMs, text })
    return text
  }

  /** Every static page of an article: the article and its further comment pages. */
  articlePages(slug: string): string[] {
    const root = this.root()
    const pagesDir = path.join(root, 'blog', slug, 'kommentare')
    const more = root && fs.existsSync(pagesDir) ? fs.readdirSync(pagesDir) : []
    return [
      `blog/${slug}/index.html`,
      ...more.map((n) => `blog/${slug}/kommentare/${n}/index.html`),
    ]
  }
}

/**
 * Polls `served` every POLL_MS from now until it is true: the milliseconds since `since`, or null
 * when `timeoutMs` passed first.
 */
export async function pollUntil(
  served: () => boolean | Promise<boolean>,
  since: number,
  timeoutMs: number,
): Promise<number | null> {
  for (;;) {
    if (await served()) return Date.now() - since
    if (Date.now() - since > timeoutMs) return null
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
