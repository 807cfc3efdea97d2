import { cmsUrl, siteUrl } from '../config/urls'
import { mailSettings } from '../email/settings'
import { unsubscribeToken } from './tokens'

export const confirmUrl = (token: string) => `${cmsUrl()}/api/public/subscriptions/confirm?token=${encodeURIComponent(token)}`
export const unsubscribeUrl = (subscriptionId: string | number) =>
  `${cmsUrl()}/api/public/subscriptions/unsubscribe?token=${encodeURIComponent(unsubscribeToken(subscriptionId))}`
export const articleUrl = (slug: string) => `${siteUrl()}/blog/${slug}/`
export const commentUrl = (slug: string, commentId: string | number) => `${articleUrl(slug)}#kommentar-${commentId}`

/** RFC 2369 / RFC 8058 headers: mail clients offer a one-click unsubscribe button. */
export const listHeaders = (subscriptionId: string | number): Record<string, string> => ({
  'List-Unsubscribe': `<${unsubscribeUrl(subscriptionId)}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  'List-Id': mailSettings().listId,
})
