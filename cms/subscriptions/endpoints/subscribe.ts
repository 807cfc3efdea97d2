import { articlePath, FORM_ANCHORS, type SubscribeResult } from '../../../contract'
import { findPublishedArticle } from '../../collections/Articles/queries'
import { siteLink } from '../../config/urls'
import { requestLocale } from '../../http/locale'
import { parseInput } from '../../http/parseInput'
import { publicEndpoint } from '../../http/publicEndpoint'
import { limitEmail } from '../../http/rateLimits'
import { readBody } from '../../http/readBody'
import { fieldError, HttpError } from '../../http/responses'
import { inTransaction } from '../../http/transaction'
import { message, translator } from '../../i18n/messages'
import { subscribeFormErrorPage } from '../formErrorPage'
import { subscribeInput } from '../input'
import { readyForRequests, requestSubscription } from '../requestSubscription'

/**
 * POST /api/public/subscriptions { email, scope, article?, consent } -> 202 (JSON), or 303 back
 * for the no-JS form. The answer is the same whether the address is new, pending, confirmed or
 * throttled: nobody learns who follows what.
 */
export const subscribe = publicEndpoint('post', '/public/subscriptions', async (req) => {
  const { data, isForm } = await readBody(req)
  const locale = requestLocale(req.headers, data.lang)
  const input = parseInput(subscribeInput, data, translator(locale))
  const backSlug =
    typeof data.article === 'string' && /^[a-z0-9-]{1,200}$/.test(data.article)
      ? data.article
      : undefined
  const back = siteLink(backSlug ? articlePath(backSlug) : '/')
  if (!input.ok) {
    if (isForm) return subscribeFormErrorPage({ locale, errors: input.errors, values: data, back })
    throw new HttpError(400, input.errors)
  }
  const { email, scope } = input.value
  await limitEmail(req, 'subscriptionEmail', email, locale)
  // New-article notices belong to no article, even when the form sent one along.
  const slug = scope === 'posts' ? undefined : input.value.article

  await readyForRequests(req.payload)
  await inTransaction(req, async () => {
    const article = slug ? await findPublishedArticle(req.payload, slug, req) : null
    if (slug && !article) throw fieldError(404, 'article', message(locale, 'articleNotFound'))
    return requestSubscription(req, {
      email,
      scope,
      article,
      locale,
      consentText: message(locale, 'subscriptionConsentText'),
    })
  })

  if (isForm)
    return new Response(null, {
      status: 303,
      headers: { location: `${back}#${FORM_ANCHORS.subscriptionRequested}` },
    })
  const body: SubscribeResult = { status: 'pending', message: message(locale, 'requested') }
  return Response.json(body, { status: 202 })
})
