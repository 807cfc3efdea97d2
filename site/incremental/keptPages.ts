import { thisBuild, writePlanned, type PageKeys } from './builds'

/** A page a route offers: its path (`/blog/x/`), its key, and what getStaticPaths returns for it. */
export type KeyedPage<T> = { path: string; key: string; entry: T }

// Module state lives for one build: Astro loads the pages' bundle anew for each.
const planned: PageKeys = {}
const linked = new Set<string>()

/**
 * The entries of a route that must be rendered. A page's key is everything it shows that is not
 * in the code (site/lib/buildPlan.ts, listPages.ts); a page the last build holds under the same key
 * is not rendered but linked from that build, starting now (keptPagesIntegration.ts waits for
 * it). Every page offered is planned, kept or not: it is what the next build compares with.
 * `astro dev` renders on request.
 */
export function toRender<T>(pages: KeyedPage<T>[]): T[] {
  const build = thisBuild()
  if (!build) return pages.map((page) => page.entry)
  const render: T[] = []
  const kept: string[] = []
  for (const { path, key, entry } of pages) {
    planned[path] = key
    if (build.base?.pages[path] !== key) render.push(entry)
    else if (!linked.has(path)) kept.push(path)
  }
  writePlanned(planned)
  for (const path of kept) linked.add(path)
  if (build.base && kept.length > 0) {
    const linking = build.linker.link(build.base.dir, build.outDir, kept)
    // Awaited once Astro is done; until then a failure must not count as unhandled.
    linking.catch(() => {})
    build.linking.push(linking)
  }
  return render
}
