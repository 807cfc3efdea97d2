import type { APIRoute, GetStaticPaths } from 'astro'
import { listArticles, type Article } from '../../lib/articles'
import { pageKey } from '../../lib/buildCache'
import { SITE_NAME } from '../../lib/config'
import { ogImage } from '../../lib/ogImage'

export const getStaticPaths = (async () =>
  (await listArticles()).map((article) => ({
    params: { slug: article.data.slug },
    props: { article },
    cacheKey: pageKey(article.data.title, SITE_NAME),
  }))) satisfies GetStaticPaths

/** The generated sharing image of an article without a cover image. */
export const GET: APIRoute = async ({ props }) => {
  const { article } = props as { article: Article }
  return new Response(new Uint8Array(await ogImage(article.data.title, SITE_NAME)), {
    headers: { 'content-type': 'image/png' },
  })
}
