/** The site's own client directives (astro.config.mjs), for type checks of `.astro` files. */
declare namespace Astro {
  interface ClientDirectives {
    /** ./visibleOrHash.ts */
    'client:visible-or-hash'?: Pick<IntersectionObserverInit, 'rootMargin'> | boolean
  }
}
