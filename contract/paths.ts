/**
 * URLs both sides agree on: the site's pages the CMS links or redirects to, and the public API's
 * paths the island calls. Paths only; each side prefixes its own origin.
 */

/** An article page on the site. */
export const articlePath = (slug: string): string => `/blog/${slug}/`

/** The element id (and #fragment) of one comment on its article page. */
export const commentAnchor = (id: string | number): string => `kommentar-${id}`

/**
 * The static page with page `page` (1-based) of an article's comment threads (COMMENT_THREADS_PER_PAGE
 * each, in DEFAULT_SORT): page 1 is the article itself, the others `/blog/<slug>/kommentare/<n>/`.
 */
export const commentsPagePath = (slug: string, page: number): string =>
  page > 1 ? `${articlePath(slug)}kommentare/${page}/` : articlePath(slug)

/** Where the no-JS forms land again: the page's notice with this id shows (CSS :target). */
export const FORM_ANCHORS = {
  commentWaiting: 'kommentar-wartet',
  commentPublished: 'kommentar-veroeffentlicht',
  subscriptionRequested: 'abo-angefragt',
} as const

/** Site pages that tell the outcome of a confirmation link. */
export const SUBSCRIPTION_PAGES = {
  confirmed: '/abo-bestaetigt/',
  expired: '/abo-abgelaufen/',
  invalid: '/abo-ungueltig/',
} as const

/** The public API under the CMS origin. */
export const apiPaths = {
  comments: (slug: string) => `/api/public/articles/${encodeURIComponent(slug)}/comments`,
  comment: (id: string) => `/api/public/comments/${encodeURIComponent(id)}`,
  reactions: (id: string) => `/api/public/comments/${encodeURIComponent(id)}/reactions`,
  subscriptions: '/api/public/subscriptions',
  formToken: '/api/public/form-token',
  shareCount: (slug: string) => `/api/public/articles/${encodeURIComponent(slug)}/shares`,
  share: (slug: string, network: string) =>
    `/api/public/share/${encodeURIComponent(slug)}/${encodeURIComponent(network)}`,
  buildStamps: '/api/public/site-build/stamps',
  buildComments: '/api/public/site-build/comments',
} as const
