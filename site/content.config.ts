import { defineCollection } from 'astro:content'
import { glob } from 'astro/loaders'

/**
 * The legal pages (Impressum, Datenschutz) are MDX files in the repo. Articles come from the CMS
 * through their own store (lib/articleStore.ts), not Astro's content layer.
 */
export const collections = {
  pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/pages' }) }),
}
