import { siteUrl } from '../../config/urls'
import { requestLocale } from '../../http/locale'
import { parseInput } from '../../http/parseInput'
import { publicEndpoint } from '../../http/publicEndpoint'
import { readBody } from '../../http/readBody'
import { HttpError } from '../../http/responses'
import { inTransaction } from '../../http/transaction'
import { findPublishedArticle } from '../../comments/queries'
import { subscribeInput } from '../input'
import { isSubscriptionMessageKey, subscriptionMessage } from '../messages'
import { purgeExpiredRequests, requestSubscription } from '../requestSubscription'

/** POST /api/public/subscriptions { email, scope, article?, consent } -> 202 (JSON), or 303 back for the no-JS form. */
export const subscribe = publicEndpoint('post', '/public/subscriptions', async (req) => {
  const locale = requestLocale(req.headers)
  const { data, isForm } = await readBody(req)
  const input = parseInput(subscribeInput, data, (key) => (isSubscriptionMessageKey(key) ? subscriptionMessage(locale, key) : undefined))
  if (!input.ok) throw new HttpError(400, input.errors)
  const { email, scope, article: slug } = input.value

  const status = await inTransaction(req, async () => {
    const article = slug ? await findPublishedArticle(req.payload, slug, req) : null
    if (slug && !article) throw new HttpError(404, [{ field: 'article', message: subscriptionMessage(locale, 'articleNotFound') }])
    await purgeExpiredRequests(req)
    return requestSubscription(req, { email, scope, article, locale, consentText: subscriptionMessage(locale, 'consentText') })
  })

  if (isForm) {
    const back = slug ? `${siteUrl()}/blog/${encodeURIComponent(slug)}/` : `${siteUrl()}/`
    return new Response(null, { status: 303, headers: { location: `${back}#abo-angefragt` } })
  }
  const message = subscriptionMessage(locale, status === 'confirmed' ? 'alreadyConfirmed' : 'requested')
  return Response.json({ status, message }, { status: 202 })
})
