import type { APIRoute, GetStaticPaths } from 'astro'
import { listArticles, type Article } from '../lib/articles'
import { SITE_NAME } from '../lib/config'
import { cachedOgImage } from './ogCache'

/**
 * `astro dev` only (ogIntegration.ts): an article's sharing image, drawn when asked for. A build
 * links the images into place instead of rendering 1,000 pages of them.
 */
export const getStaticPaths = (async () =>
  (await listArticles()).map((article) => ({
    params: { slug: article.data.slug },
    props: { article },
  }))) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const { article } = props as { article: Article }
  return new Response(new Uint8Array(await cachedOgImage(article.data.title, SITE_NAME)), {
    headers: { 'content-type': 'image/png' },
  })
}
