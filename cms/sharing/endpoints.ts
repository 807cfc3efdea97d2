import type { Payload, Where } from 'payload'
import { SHARE_NETWORK_NAMES, type ShareCount, type ShareNetwork } from '../../contract'
import { findPublishedArticle } from '../collections/Articles/queries'
import { articleUrl } from '../config/urls'
import { requestLocale, type Locale } from '../http/locale'
import { publicEndpoint } from '../http/publicEndpoint'
import { fieldError } from '../http/responses'
import { message } from '../i18n/messages'
import type { Article } from '../payload-types'
import { isBot } from './bots'
import { isShareNetwork, SHARE_NETWORKS } from './networks'

const notFound = (locale: Locale) => fieldError(404, 'slug', message(locale, 'articleNotFound'))

/** GET /api/public/share/:slug/:network: counts the click, then 302 to the network's share page. */
export const share = publicEndpoint('get', '/public/share/:slug/:network', async (req) => {
  const locale = requestLocale(req.headers)
  const network = String(req.routeParams?.network ?? '')
  if (!isShareNetwork(network))
    throw fieldError(
      400,
      'network',
      message(locale, 'networkInvalid', { networks: SHARE_NETWORK_NAMES.join(', ') }),
    )
  const article = await findPublishedArticle(req.payload, String(req.routeParams?.slug ?? ''))
  if (!article) throw notFound(locale)
  // Bots (link previews, crawlers) are sent on, but not counted.
  if (!isBot(req.headers.get('user-agent'))) await countClick(req.payload, article.id, network)
  const target = SHARE_NETWORKS[network](articleUrl(article.slug), article.title)
  return new Response(null, {
    status: 302,
    headers: { location: target, 'cache-control': 'no-store' },
  })
})

/**
 * One more click, atomically: the counter row is created once (a concurrent first click that
 * loses the race on the unique index finds the winner's row), then incremented in the database
 * (`count + 1` in SQL, `$inc` in MongoDB, through the adapter's updateOne), never read and
 * written back, so concurrent clicks all count.
 */
async function countClick(payload: Payload, articleId: Article['id'], network: ShareNetwork) {
  const where: Where = {
    and: [{ article: { equals: articleId } }, { network: { equals: network } }],
  }
  const find = async () =>
    (
      await payload.find({
        collection: 'shares',
        pagination: false,
        where,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
  let counter = await find()
  if (!counter) {
    try {
      await payload.create({
        collection: 'shares',
        depth: 0,
        data: { article: articleId, network, count: 1 },
        overrideAccess: true,
      })
      return
    } catch (error) {
      counter = await find()
      if (!counter) throw error
    }
  }
  await payload.db.updateOne({
    collection: 'shares',
    id: counter.id,
    data: { count: { $inc: 1 } },
    returning: false,
  })
}

/** GET /api/public/articles/:slug/shares -> { total } */
export const shareCount = publicEndpoint('get', '/public/articles/:slug/shares', async (req) => {
  const article = await findPublishedArticle(req.payload, String(req.routeParams?.slug ?? ''))
  if (!article) throw notFound(requestLocale(req.headers))
  const { docs } = await req.payload.find({
    collection: 'shares',
    where: { article: { equals: article.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return Response.json({ total: docs.reduce((sum, d) => sum + d.count, 0) } satisfies ShareCount)
})
