import { defineCollection } from 'astro:content'
import { glob } from 'astro/loaders'
import { cmsArticleLoader } from './lib/articleLoader'

/** Articles come from the CMS; the legal pages (Impressum, Datenschutz) are MDX files in the repo. */
export const collections = {
  articles: defineCollection({ loader: cmsArticleLoader() }),
  pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/pages' }) }),
}
