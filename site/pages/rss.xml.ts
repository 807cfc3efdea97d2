import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import { articleUrl, listArticles } from '../lib/articles'
import { SITE_NAME } from '../lib/config'
import { t } from '../lib/i18n'

const FEED_ITEMS = 50

/** Full-content RSS feed of the newest published articles (a feed is read for what is new). */
export const GET: APIRoute = async ({ site }) => {
  const articles = await listArticles()
  return rss({
    title: SITE_NAME,
    description: t('de').tagline,
    site: site ?? 'http://localhost:4321',
    customData: '<language>de-de</language>',
    items: articles.slice(0, FEED_ITEMS).map((article) => ({
      title: article.data.title,
      link: articleUrl(article),
      pubDate: article.data.publishedAt ? new Date(article.data.publishedAt) : undefined,
      description: article.data.excerpt ?? undefined,
      author: article.data.author ?? undefined,
      categories: article.data.tags ?? [],
      content: article.html,
    })),
  })
}
