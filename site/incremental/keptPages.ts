import { buildBase, writePlanned, type PageKeys } from './builds'

/** A page a route offers: its path (`/blog/x/`), its key, and what getStaticPaths returns for it. */
export type KeyedPage<T> = { path: string; key: string; entry: T }

// Module state lives for one build: Astro loads the pages' bundle anew for each.
const planned: PageKeys = {}

/**
 * The entries of a route that must be rendered. A page's key is everything it shows that is not
 * in the code (site/lib/buildPlan.ts, listPages.ts); a page the last build holds under the same key
 * is not rendered but linked from that build (keptPagesIntegration.ts). Every page offered is
 * planned, kept or not: it is what the next build compares with. `astro dev` renders on request.
 */
export function toRender<T>(pages: KeyedPage<T>[]): T[] {
  const base = buildBase()
  if (base === undefined) return pages.map((page) => page.entry)
  const render: T[] = []
  for (const { path, key, entry } of pages) {
    planned[path] = key
    if (base?.pages[path] !== key) render.push(entry)
  }
  writePlanned(planned)
  return render
}
