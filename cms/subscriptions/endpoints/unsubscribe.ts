import type { PayloadRequest } from 'payload'
import { siteUrl } from '../../config/urls'
import { publicEndpoint } from '../../http/publicEndpoint'
import type { Subscription } from '../../payload-types'
import { verifyUnsubscribeToken } from '../tokens'

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const page = (status: number, lang: 'de' | 'en', title: string, body: string) =>
  new Response(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font:inherit;padding:.5rem 1rem}</style></head>
<body><main><h1>${title}</h1>${body}<p><a href="${siteUrl()}/">${lang === 'de' ? 'Zur Website' : 'To the website'}</a></p></main></body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  )

async function subscriptionFor(req: PayloadRequest): Promise<Subscription | null> {
  const id = verifyUnsubscribeToken(req.searchParams.get('token') ?? '')
  if (!id) return null
  return (await req.payload.find({ collection: 'subscriptions', where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] ?? null
}

const invalid = () => page(400, 'de', 'Link ungültig', '<p>Dieser Abmelde-Link ist ungültig. Bitte nutzen Sie den Link aus der letzten E-Mail.</p>')

/** GET shows a page with a button; it does not unsubscribe (link scanners follow GET links). */
export const unsubscribePage = publicEndpoint('get', '/public/subscriptions/unsubscribe', async (req) => {
  const subscription = await subscriptionFor(req)
  if (!subscription) return invalid()
  const de = subscription.locale !== 'en'
  const action = `?token=${encodeURIComponent(req.searchParams.get('token') ?? '')}`
  return page(
    200,
    de ? 'de' : 'en',
    de ? 'Benachrichtigungen abbestellen' : 'Unsubscribe',
    `<form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><p>${
      de ? `Keine weiteren E-Mails an <strong>${escapeHtml(subscription.email)}</strong>?` : `No more emails to <strong>${escapeHtml(subscription.email)}</strong>?`
    }</p><p><button type="submit">${de ? 'Jetzt abbestellen' : 'Unsubscribe now'}</button></p></form>`,
  )
})

/** POST unsubscribes at once: RFC 8058 one-click (no cookie, no login), and the page's button. */
export const unsubscribe = publicEndpoint('post', '/public/subscriptions/unsubscribe', async (req) => {
  const subscription = await subscriptionFor(req)
  if (!subscription) return invalid()
  if (subscription.status !== 'unsubscribed') {
    await req.payload.update({
      collection: 'subscriptions',
      id: subscription.id,
      data: { status: 'unsubscribed', unsubscribedAt: new Date().toISOString() },
      overrideAccess: true,
    })
  }
  const de = subscription.locale !== 'en'
  return page(200, de ? 'de' : 'en', de ? 'Abgemeldet' : 'Unsubscribed', `<p>${de ? 'Sie erhalten diese Benachrichtigungen nicht mehr.' : 'You will not get these notifications any more.'}</p>`)
})
