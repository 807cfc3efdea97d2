import { apiPaths, articlePath, commentAnchor, commentsPagePath } from '../../contract'

/** Where the CMS and the static site answer; both are derived from the ports unless set outright. */
export const cmsPort = (): number => Number(process.env.CMS_PORT ?? 3000)
export const sitePort = (): number => Number(process.env.SITE_PORT ?? 4321)
export const cmsUrl = (): string =>
  (process.env.CMS_URL ?? `http://localhost:${cmsPort()}`).replace(/\/$/, '')
export const siteUrl = (): string =>
  (process.env.SITE_URL ?? `http://localhost:${sitePort()}`).replace(/\/$/, '')

/** Every absolute URL the CMS hands out (emails, redirects, share targets): built here only. */
export const siteLink = (path: string): string => `${siteUrl()}${path}`
export const articleUrl = (slug: string): string => siteLink(articlePath(slug))
/** A comment on the static page `page` of its article's comments (emails: cms/comments/commentLink). */
export const commentUrl = (slug: string, commentId: string | number, page = 1): string =>
  `${siteLink(commentsPagePath(slug, page))}#${commentAnchor(commentId)}`
export const confirmUrl = (token: string): string =>
  `${cmsUrl()}${apiPaths.subscriptions}/confirm?token=${encodeURIComponent(token)}`
export const unsubscribeUrl = (token: string): string =>
  `${cmsUrl()}${apiPaths.subscriptions}/unsubscribe?token=${encodeURIComponent(token)}`
export const adminDocUrl = (collection: string, id: string | number): string =>
  `${cmsUrl()}/admin/collections/${collection}/${id}`
export const adminListUrl = (collection: string, query: Record<string, string> = {}): string =>
  `${cmsUrl()}/admin/collections/${collection}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`
