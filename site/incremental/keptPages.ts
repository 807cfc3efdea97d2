import { thisBuild, writePlanned, type PageKeys } from './builds'
import { pageLinker } from './linkPages'
import { unstage } from './stagedPages'

/** A page a route offers: its path (`/blog/x/`), its key, and what getStaticPaths returns for it. */
export type KeyedPage<T> = { path: string; key: string; entry: T }

// Module state lives for one build: Astro loads the pages' bundle anew for each.
const planned: PageKeys = {}
const linked = new Set<string>()

/**
 * The entries of a route that must be rendered. A page's key is everything it shows that is not
 * in the code (site/lib/buildPlan.ts, listPages.ts); a page the last build holds under the same key
 * is not rendered but kept: it is in place already (staged between builds, stagedPages.ts), or
 * linked from that build starting now (keptPagesIntegration.ts waits for it). A staged page that
 * is rendered is taken out first. Every page offered is planned, kept or not: it is what the next
 * build compares with. `astro dev` renders on request.
 */
export function toRender<T>(pages: KeyedPage<T>[]): T[] {
  const build = thisBuild()
  if (!build) return pages.map((page) => page.entry)
  const render: T[] = []
  const kept: string[] = []
  for (const { path, key, entry } of pages) {
    planned[path] = key
    if (build.base?.pages[path] !== key) {
      render.push(entry)
      if (build.staged) unstage(build.outDir, build.staged, path)
    } else if (!build.staged && !linked.has(path)) kept.push(path)
  }
  writePlanned(planned)
  for (const path of kept) linked.add(path)
  if (build.base && kept.length > 0) {
    const linking = pageLinker().link(build.base.dir, build.outDir, kept)
    // Awaited once Astro is done; until then a failure must not count as unhandled.
    linking.catch(() => {})
    build.linking.push(linking)
  }
  return render
}
