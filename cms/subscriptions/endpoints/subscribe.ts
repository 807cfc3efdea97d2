import { siteUrl } from '../../config/urls'
import { requestLocale } from '../../http/locale'
import { parseInput } from '../../http/parseInput'
import { publicEndpoint } from '../../http/publicEndpoint'
import { readBody } from '../../http/readBody'
import { HttpError } from '../../http/responses'
import { inTransaction } from '../../http/transaction'
import { findPublishedArticle } from '../../comments/queries'
import { subscribeFormErrorPage } from '../formErrorPage'
import { subscribeInput } from '../input'
import { isSubscriptionMessageKey, subscriptionMessage } from '../messages'
import { purgeExpiredRequests, requestSubscription } from '../requestSubscription'

/** POST /api/public/subscriptions { email, scope, article?, consent } -> 202 (JSON), or 303 back for the no-JS form. */
export const subscribe = publicEndpoint('post', '/public/subscriptions', async (req) => {
  const { data, isForm } = await readBody(req)
  const locale = requestLocale(req.headers, data.lang)
  const input = parseInput(subscribeInput, data, (key) => (isSubscriptionMessageKey(key) ? subscriptionMessage(locale, key) : undefined))
  const backSlug = typeof data.article === 'string' && /^[a-z0-9-]{1,200}$/.test(data.article) ? data.article : undefined
  const back = backSlug ? `${siteUrl()}/blog/${backSlug}/` : `${siteUrl()}/`
  if (!input.ok) {
    if (isForm) return subscribeFormErrorPage({ locale, errors: input.errors, values: data, back })
    throw new HttpError(400, input.errors)
  }
  const { email, scope } = input.value
  // New-article notices belong to no article, even when the form sent one along.
  const slug = scope === 'posts' ? undefined : input.value.article

  const status = await inTransaction(req, async () => {
    const article = slug ? await findPublishedArticle(req.payload, slug, req) : null
    if (slug && !article) throw new HttpError(404, [{ field: 'article', message: subscriptionMessage(locale, 'articleNotFound') }])
    await purgeExpiredRequests(req)
    return requestSubscription(req, { email, scope, article, locale, consentText: subscriptionMessage(locale, 'consentText') })
  })

  if (isForm) return new Response(null, { status: 303, headers: { location: `${back}#abo-angefragt` } })
  const message = subscriptionMessage(locale, status === 'confirmed' ? 'alreadyConfirmed' : 'requested')
  return Response.json({ status, message }, { status: 202 })
})
