import type { PayloadRequest } from 'payload'
import { isLocale, type Locale } from '../../../contract'
import { siteLink } from '../../config/urls'
import { htmlPage } from '../../http/htmlPage'
import { requestLocale } from '../../http/locale'
import { publicEndpoint } from '../../http/publicEndpoint'
import { message } from '../../i18n/messages'
import type { Subscription } from '../../payload-types'
import { html, type SafeHtml } from '../../utilities/html'
import { verifyUnsubscribeToken } from '../tokens'

const page = (status: number, locale: Locale, title: string, body: SafeHtml) =>
  htmlPage({
    status,
    lang: locale,
    title,
    body: html`${body}<p><a href="${siteLink('/')}">${message(locale, 'toWebsite')}</a></p>`,
  })

async function subscriptionFor(req: PayloadRequest): Promise<Subscription | null> {
  const id = await verifyUnsubscribeToken(req.payload, req.searchParams.get('token') ?? '')
  if (!id) return null
  return (
    (
      await req.payload.find({
        collection: 'subscriptions',
        pagination: false,
        where: { id: { equals: id } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0] ?? null
  )
}

/** The language the reader subscribed in; for an unknown link, the browser's. */
const localeOf = (subscription: Subscription): Locale =>
  isLocale(subscription.locale) ? subscription.locale : 'de'

function invalid(req: PayloadRequest): Response {
  const locale = requestLocale(req.headers)
  return page(
    400,
    locale,
    message(locale, 'linkInvalidTitle'),
    html`<p>${message(locale, 'linkInvalidText')}</p>`,
  )
}

/** GET shows a page with a button; it does not unsubscribe (link scanners follow GET links). */
export const unsubscribePage = publicEndpoint(
  'get',
  '/public/subscriptions/unsubscribe',
  async (req) => {
    const subscription = await subscriptionFor(req)
    if (!subscription) return invalid(req)
    const locale = localeOf(subscription)
    const [before, after] = message(locale, 'unsubscribeQuestion').split('{email}')
    const action = `?token=${encodeURIComponent(req.searchParams.get('token') ?? '')}`
    return page(
      200,
      locale,
      message(locale, 'unsubscribeTitle'),
      html`<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><p>${before}<strong>${subscription.email}</strong>${after}</p><p><button type="submit">${message(locale, 'unsubscribeButton')}</button></p></form>`,
    )
  },
)

/** POST unsubscribes at once: RFC 8058 one-click (no cookie, no login), and the page's button. */
export const unsubscribe = publicEndpoint(
  'post',
  '/public/subscriptions/unsubscribe',
  async (req) => {
    const subscription = await subscriptionFor(req)
    if (!subscription) return invalid(req)
    if (subscription.status !== 'unsubscribed') {
      await req.payload.update({
        collection: 'subscriptions',
        depth: 0,
        id: subscription.id,
        data: { status: 'unsubscribed', unsubscribedAt: new Date().toISOString() },
        overrideAccess: true,
      })
    }
    const locale = localeOf(subscription)
    return page(
      200,
      locale,
      message(locale, 'unsubscribedTitle'),
      html`<p>${message(locale, 'unsubscribedText')}</p>`,
    )
  },
)
