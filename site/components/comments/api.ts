import type { Lang } from '../../lib/i18n'
import type { CommentSort, CommentsData, PublicComment } from '../../lib/cms'
import type { Vote } from './readerToken'

/**
 * Every call of the comment island to the CMS's public API (README, "Public comment API"). Only
 * HTTP: the CMS validates everything, so answers are trusted in shape and not re-parsed here,
 * which keeps zod out of the browser bundle.
 */

export type CommentStatus = 'pending' | 'approved'
export type PostedComment = PublicComment & { status: CommentStatus }

export interface FieldError {
  field?: string | undefined
  message: string
}

/** status 0 = the CMS was not reachable (network error, CORS); errors is then empty. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; errors: FieldError[] }

/** "Benachrichtige mich zu": replies to the reader's own comments, or every new comment on the article. */
export const NOTIFY_CHOICES = ['none', 'replies', 'article'] as const
export type Notify = (typeof NOTIFY_CHOICES)[number]

export interface NewComment {
  name: string
  email: string
  website: string
  body: string
  parent: string | null
  notify: Notify
}

/** The "Abonnieren" form: new comments on this article, or new articles. */
export type SubscriptionScope = 'article' | 'posts'

export interface NewSubscription {
  email: string
  scope: SubscriptionScope
}

/** 202: `message` is ready to show; 'confirmed' = this address already gets it. */
export interface SubscriptionRequest {
  status: 'pending' | 'confirmed'
  message: string
}

export interface Reactions {
  up: number
  down: number
  mine: Vote | null
}

export interface CommentsApi {
  list(sort: CommentSort): Promise<ApiResult<CommentsData>>
  post(comment: NewComment): Promise<ApiResult<{ comment: PostedComment; editToken: string }>>
  react(id: string, value: Vote, readerToken: string): Promise<ApiResult<Reactions>>
  edit(id: string, body: string, editToken: string): Promise<ApiResult<{ comment: PostedComment }>>
  remove(id: string, editToken: string): Promise<ApiResult<null>>
  subscribe(subscription: NewSubscription): Promise<ApiResult<SubscriptionRequest>>
}

/** The form's action for readers without JavaScript; the JSON calls use the same URL. */
export const commentsUrl = (apiBase: string, slug: string): string => `${apiBase}/api/public/articles/${encodeURIComponent(slug)}/comments`
export const subscriptionsUrl = (apiBase: string): string => `${apiBase}/api/public/subscriptions`

export function commentsApi(apiBase: string, slug: string, lang: Lang): CommentsApi {
  const commentUrl = (id: string) => `${apiBase}/api/public/comments/${encodeURIComponent(id)}`
  // The CMS answers error messages in the first language of Accept-Language: the article's.
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({ accept: 'application/json', 'accept-language': lang, ...extra })
  const json = (body: unknown, extra: Record<string, string> = {}) => ({
    headers: headers({ 'content-type': 'application/json', ...extra }),
    body: JSON.stringify(body),
  })
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

  return {
    list: (sort) => request(`${commentsUrl(apiBase, slug)}?sort=${sort}`, { headers: headers() }),
    post: ({ name, email, website, body, parent, notify }) =>
      request(commentsUrl(apiBase, slug), {
        method: 'POST',
        ...json({
          name,
          email,
          body,
          consent: true,
          ...(website.trim() ? { website } : {}),
          ...(parent ? { parent } : {}),
          ...(notify !== 'none' ? { notify } : {}),
        }),
      }),
    react: (id, value, readerToken) =>
      request(`${commentUrl(id)}/reactions`, {
        method: 'POST',
        // credentials: the CMS falls back to its lt_reader cookie when the header is missing.
        credentials: 'include',
        ...json({ value }, { 'x-reader-token': readerToken }),
      }),
    edit: (id, body, editToken) => request(commentUrl(id), { method: 'PATCH', ...json({ body }, bearer(editToken)) }),
    remove: (id, editToken) => request(commentUrl(id), { method: 'DELETE', headers: headers(bearer(editToken)) }),
    // Only "new comments" belongs to this article; "new articles" is site-wide.
    subscribe: ({ email, scope }) =>
      request(subscriptionsUrl(apiBase), { method: 'POST', ...json({ email, scope, ...(scope === 'article' ? { article: slug } : {}), consent: true }) }),
  }
}

async function request<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch {
    return { ok: false, status: 0, errors: [] }
  }
  const body = await response.json().catch((): unknown => null)
  if (response.ok) return { ok: true, status: response.status, data: body as T }
  return { ok: false, status: response.status, errors: fieldErrors(body) }
}

function fieldErrors(body: unknown): FieldError[] {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return []
  return body.errors.flatMap((error: unknown): FieldError[] => {
    if (typeof error !== 'object' || error === null || !('message' in error) || typeof error.message !== 'string') return []
    return [{ field: 'field' in error && typeof error.field === 'string' ? error.field : undefined, message: error.message }]
  })
}
