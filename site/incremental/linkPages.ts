import fs from 'node:fs'
import path from 'node:path'
import { eachLimited } from '../lib/eachLimited'

/** A page's file in a `build.format: 'directory'` build, relative to the build (`/a/` -> `a/index.html`). */
export const pageFile = (pagePath: string) => `${pagePath.slice(1)}index.html`

/**
 * Hard-links the pages' files from the build `from` into `to`: the page and its compressed
 * variants (where that build had them). Started while Astro renders the other pages, so the
 * disk's work overlaps Astro's (at 10,000 articles: 64,000 links, 1.5–3 s). Resolves with the
 * linked files; rejects when a page is missing.
 */
export async function linkPages(from: string, to: string, pagePaths: string[]): Promise<string[]> {
  const linked: string[] = []
  await eachLimited(pagePaths, 8, async (pagePath) => {
    const page = pageFile(pagePath)
    await fs.promises.mkdir(path.dirname(path.join(to, page)), { recursive: true })
    for (const file of [page, `${page}.br`, `${page}.gz`]) {
      try {
        await fs.promises.link(path.join(from, file), path.join(to, file))
        linked.push(file)
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
        // Not every page has compressed variants (too small, or it did not shrink).
        if (file !== page && missing) continue
        throw new Error(`page ${pagePath} could not be kept from ${from}`, { cause: error })
      }
    }
  })
  return linked
}
