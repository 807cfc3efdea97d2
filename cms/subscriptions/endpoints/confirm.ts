import { SUBSCRIPTION_PAGES } from '../../../contract'
import { siteLink } from '../../config/urls'
import { publicEndpoint } from '../../http/publicEndpoint'
import { hashToken } from '../../security/tokens'

const redirect = (page: keyof typeof SUBSCRIPTION_PAGES) =>
  new Response(null, { status: 303, headers: { location: siteLink(SUBSCRIPTION_PAGES[page]) } })

/**
 * GET /api/public/subscriptions/confirm?token=… -> 303 to a site page that says it worked, or why
 * not (expired, unknown link). Confirming twice is harmless.
 */
export const confirm = publicEndpoint('get', '/public/subscriptions/confirm', async (req) => {
  const token = req.searchParams.get('token') ?? ''
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return redirect('invalid')
  const subscription = (
    await req.payload.find({
      collection: 'subscriptions',
      where: { confirmTokenHash: { equals: hashToken(token) } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  if (!subscription || subscription.status === 'unsubscribed') return redirect('invalid')
  if (subscription.status === 'confirmed') return redirect('confirmed')
  if (!subscription.confirmExpiresAt || Date.parse(subscription.confirmExpiresAt) < Date.now())
    return redirect('expired')
  await req.payload.update({
    collection: 'subscriptions',
    id: subscription.id,
    data: { status: 'confirmed', confirmedAt: new Date().toISOString() },
    overrideAccess: true,
  })
  return redirect('confirmed')
})
