import type { APIRoute, GetStaticPaths } from 'astro'
import { listArticles, type Article } from '../../lib/articles'
import { pageKey } from '../../lib/buildCache'
import { SITE_NAME } from '../../lib/config'
import { cachedOgImage, prepareOgImages } from '../../lib/ogCache'

export const getStaticPaths = (async () => {
  const articles = await listArticles()
  await prepareOgImages(
    articles.map((article) => article.data.title),
    SITE_NAME,
  )
  return articles.map((article) => ({
    params: { slug: article.data.slug },
    props: { article },
    cacheKey: pageKey(article.data.title, SITE_NAME),
  }))
}) satisfies GetStaticPaths

/** The generated sharing image of an article without a cover image. */
export const GET: APIRoute = async ({ props }) => {
  const { article } = props as { article: Article }
  return new Response(new Uint8Array(await cachedOgImage(article.data.title, SITE_NAME)), {
    headers: { 'content-type': 'image/png' },
  })
}
