import type { Where } from 'payload'
import { SHARE_NETWORK_NAMES, type ShareCount } from '../../contract'
import { findPublishedArticle } from '../collections/Articles/queries'
import { articleUrl } from '../config/urls'
import { requestLocale, type Locale } from '../http/locale'
import { publicEndpoint } from '../http/publicEndpoint'
import { fieldError } from '../http/responses'
import { message } from '../i18n/messages'
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
  const where: Where = {
    and: [{ article: { equals: article.id } }, { network: { equals: network } }],
  }
  const counter = (
    await req.payload.find({
      collection: 'shares',
      where,
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  if (counter)
    await req.payload.update({
      collection: 'shares',
      id: counter.id,
      data: { count: counter.count + 1 },
      overrideAccess: true,
    })
  else
    await req.payload.create({
      collection: 'shares',
      data: { article: article.id, network, count: 1 },
      overrideAccess: true,
    })
  const target = SHARE_NETWORKS[network](articleUrl(article.slug), article.title)
  return new Response(null, {
    status: 302,
    headers: { location: target, 'cache-control': 'no-store' },
  })
})

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
