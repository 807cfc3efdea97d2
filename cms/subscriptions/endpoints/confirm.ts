import type { PayloadRequest } from 'payload'
import { isLocale, SUBSCRIPTION_PAGES, type Locale } from '../../../contract'
import { siteLink } from '../../config/urls'
import { htmlPage } from '../../http/htmlPage'
import { publicEndpoint } from '../../http/publicEndpoint'
import { message } from '../../i18n/messages'
import type { Subscription } from '../../payload-types'
import { hashToken } from '../../security/tokens'
import { html } from '../../utilities/html'

type Outcome = keyof typeof SUBSCRIPTION_PAGES

const redirect = (page: Outcome) =>
  new Response(null, { status: 303, headers: { location: siteLink(SUBSCRIPTION_PAGES[page]) } })

/** The subscription a confirmation link stands for, or the site page that says why there is none. */
async function pendingSubscription(
  req: PayloadRequest,
): Promise<{ subscription: Subscription; token: string } | { outcome: Outcome }> {
  const token = req.searchParams.get('token') ?? ''
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { outcome: 'invalid' }
  const subscription = (
    await req.payload.find({
      collection: 'subscriptions',
      pagination: false,
      where: { confirmTokenHash: { equals: hashToken(token) } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs[0]
  if (!subscription || subscription.status === 'unsubscribed') return { outcome: 'invalid' }
  if (subscription.status === 'confirmed') return { outcome: 'confirmed' }
  if (!subscription.confirmExpiresAt || Date.parse(subscription.confirmExpiresAt) < Date.now())
    return { outcome: 'expired' }
  return { subscription, token }
}

/**
 * GET /api/public/subscriptions/confirm?token=… (the link in the email) shows a page with a
 * button and changes nothing: corporate link scanners open every link in an email. Links that
 * cannot confirm anything go straight to the site page that says why.
 */
export const confirmPage = publicEndpoint('get', '/public/subscriptions/confirm', async (req) => {
  const found = await pendingSubscription(req)
  if ('outcome' in found) return redirect(found.outcome)
  const { subscription, token } = found
  const locale: Locale = isLocale(subscription.locale) ? subscription.locale : 'de'
  const [before, after] = message(locale, 'confirmQuestion').split('{email}')
  return htmlPage({
    status: 200,
    lang: locale,
    title: message(locale, 'confirmTitle'),
    body: html`<form method="post" action="?token=${encodeURIComponent(token)}"><p>${before}<strong>${subscription.email}</strong>${after}</p><p><button type="submit">${message(locale, 'confirmButton')}</button></p></form>`,
  })
})

/**
 * POST to the same URL (the page's button) confirms -> 303 to the site page that says it worked,
 * or why not (expired, unknown link). Confirming twice is harmless.
 */
export const confirm = publicEndpoint('post', '/public/subscriptions/confirm', async (req) => {
  const found = await pendingSubscription(req)
  if ('outcome' in found) return redirect(found.outcome)
  await req.payload.update({
    collection: 'subscriptions',
    depth: 0,
    id: found.subscription.id,
    data: { status: 'confirmed', confirmedAt: new Date().toISOString() },
    overrideAccess: true,
    req,
  })
  return redirect('confirmed')
})
