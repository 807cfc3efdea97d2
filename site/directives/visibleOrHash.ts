import type { ClientDirective } from 'astro'
import { commentAnchor } from '../../contract/paths'

/**
 * Hydrate at once? Yes when the URL's fragment names a comment (a notification email links to
 * `/blog/<slug>/#kommentar-<id>`): it may be on a later page that only the island can load, so
 * the browser stays at the top and the island would never come into view.
 */
export const hydrateNow = (hash: string): boolean => hash.startsWith(`#${commentAnchor('')}`)

/**
 * `client:visible-or-hash`: `client:visible` (with its rootMargin), or at once by `hydrateNow`.
 * Astro inlines it into every page that uses it: keep it tiny.
 */
const visibleOrHash: ClientDirective = (load, options, element) => {
  const hydrate = async () => (await load())()
  if (hydrateNow(location.hash)) return void hydrate()
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      observer.disconnect()
      void hydrate()
    },
    // The value is the directive's object (Astro types it as the attribute's string).
    { rootMargin: (options.value as unknown as IntersectionObserverInit | undefined)?.rootMargin },
  )
  for (const child of element.children) observer.observe(child)
}
export default visibleOrHash
