import type { Lang } from '../../lib/i18n'
import {
  apiPaths,
  FORM_TOKEN_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  type CommentsData,
  type CommentSort,
  type CommentsQuery,
  type CreatedComment,
  type EditedComment,
  type FieldError as ApiFieldError,
  type NewCommentBody,
  type Notify,
  type ReactionResult,
  type SubscribeBody,
  type SubscribeResult,
  type SubscriptionScope,
  type Vote,
} from '../../../contract'

/**
 * Every call of the comment island to the CMS's public API (README, "Public comment API"). Only
 * HTTP: the CMS validates everything, so answers are trusted in shape and not re-parsed here,
 * which keeps zod out of the browser bundle.
 */

/** The API's error; `field` is missing for errors the island makes up itself (network, expired token). */
export type FieldError = Partial<Pick<ApiFieldError, 'field'>> & Pick<ApiFieldError, 'message'>

/** status 0 = the CMS was not reachable (network error, CORS); errors is then empty. */
export type ApiResult<T> =
  { ok: true; status: number; data: T } | { ok: false; status: number; errors: FieldError[] }

/**
 * The comment form's fields; website, parent, notify and the honeypot are left out of the request
 * when empty. `formToken` is the static form's (minted at build time); the island sends the
 * fresher one of its first GET …/comments instead when it has one.
 */
export type NewComment = Pick<NewCommentBody, 'name' | 'email' | 'body'> & {
  website: string
  parent: string | null
  notify: Notify
  formToken: string
  /** the honeypot: people never see it, so it stays empty */
  homepage: string
}

/** The "Abonnieren" form: new comments on this article, or new articles (replies come with a comment's notify). */
export type FormScope = Exclude<SubscriptionScope, 'replies'>

export type NewSubscription = Pick<SubscribeBody, 'email'> & { scope: FormScope }

/** One page of threads, or (`comment`) the page that holds this comment; always in one order. */
export type ListQuery = CommentsQuery & { sort: CommentSort }

export interface CommentsApi {
  list(query: ListQuery): Promise<ApiResult<CommentsData>>
  post(comment: NewComment): Promise<ApiResult<CreatedComment>>
  react(id: string, value: Vote, readerToken: string): Promise<ApiResult<ReactionResult>>
  edit(id: string, body: string, editToken: string): Promise<ApiResult<EditedComment>>
  remove(id: string, editToken: string): Promise<ApiResult<null>>
  subscribe(subscription: NewSubscription): Promise<ApiResult<SubscribeResult>>
}

/** The form's action for readers without JavaScript; the JSON calls use the same URL. */
export const commentsUrl = (apiBase: string, slug: string): string =>
  `${apiBase}${apiPaths.comments(slug)}`
export const subscriptionsUrl = (apiBase: string): string => `${apiBase}${apiPaths.subscriptions}`

export function commentsApi(apiBase: string, slug: string, lang: Lang): CommentsApi {
  const url = (path: string) => `${apiBase}${path}`
  // The CMS answers error messages in the first language of Accept-Language: the article's.
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    accept: 'application/json',
    'accept-language': lang,
    ...extra,
  })
  const json = (body: unknown, extra: Record<string, string> = {}) => ({
    headers: headers({ 'content-type': 'application/json', ...extra }),
    body: JSON.stringify(body),
  })
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  // The time the island first showed the thread (and so its forms), signed by the CMS.
  let formToken: string | null = null
  // The submission not yet answered with success: sending the same content again is its retry
  // and carries its key, so the CMS stores it once even when an earlier answer was lost.
  let unanswered: { body: string; key: string } | null = null

  return {
    list: (query) =>
      request(
        `${commentsUrl(apiBase, slug)}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
        { headers: headers() },
        (response) => (formToken ??= response.headers.get(FORM_TOKEN_HEADER)),
      ),
    post: ({ name, email, website, body, parent, notify, formToken: staticToken, homepage }) => {
      const payload = JSON.stringify({
        name,
        email,
        body,
        consent: true,
        ...(website.trim() ? { website } : {}),
        ...(parent ? { parent } : {}),
        ...(notify !== 'none' ? { notify } : {}),
        ...((formToken ?? staticToken) ? { formToken: formToken ?? staticToken } : {}),
        ...(homepage ? { homepage } : {}),
      } satisfies NewCommentBody)
      if (unanswered?.body !== payload) unanswered = { body: payload, key: randomKey() }
      const submission = unanswered
      return request<CreatedComment>(
        commentsUrl(apiBase, slug),
        {
          method: 'POST',
          headers: headers({
            'content-type': 'application/json',
            [IDEMPOTENCY_KEY_HEADER]: submission.key,
          }),
          body: payload,
        },
        (response) => {
          // A refused post may carry a renewed token (the old one expired): the next try uses it.
          formToken = response.headers.get(FORM_TOKEN_HEADER) ?? formToken
          if (response.ok && unanswered === submission) unanswered = null
        },
      )
    },
    react: (id, value, readerToken) =>
      request(url(apiPaths.reactions(id)), {
        method: 'POST',
        // No credentials: the reader is the token; the CMS grants the site no credentialed CORS here.
        ...json({ value }, { 'x-reader-token': readerToken }),
      }),
    edit: (id, body, editToken) =>
      request(url(apiPaths.comment(id)), { method: 'PATCH', ...json({ body }, bearer(editToken)) }),
    remove: (id, editToken) =>
      request(url(apiPaths.comment(id)), { method: 'DELETE', headers: headers(bearer(editToken)) }),
    // Only "new comments" belongs to this article; "new articles" is site-wide.
    subscribe: ({ email, scope }) =>
      request(subscriptionsUrl(apiBase), {
        method: 'POST',
        ...json({
          email,
          scope,
          ...(scope === 'article' ? { article: slug } : {}),
          consent: true,
        } satisfies SubscribeBody),
      }),
  }
}

/** 128 random bits as hex: crypto.randomUUID exists only on https pages, getRandomValues everywhere. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

async function request<T>(
  url: string,
  init: RequestInit,
  onResponse?: (response: Response) => void,
): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch {
    return { ok: false, status: 0, errors: [] }
  }
  onResponse?.(response)
  const body = await response.json().catch((): unknown => null)
  if (response.ok) return { ok: true, status: response.status, data: body as T }
  return { ok: false, status: response.status, errors: fieldErrors(body) }
}

function fieldErrors(body: unknown): FieldError[] {
  if (
    typeof body !== 'object' ||
    body === null ||
    !('errors' in body) ||
    !Array.isArray(body.errors)
  )
    return []
  return body.errors.flatMap((error: unknown): FieldError[] => {
    if (
      typeof error !== 'object' ||
      error === null ||
      !('message' in error) ||
      typeof error.message !== 'string'
    )
      return []
    return [
      {
        field: 'field' in error && typeof error.field === 'string' ? error.field : undefined,
        message: error.message,
      },
    ]
  })
}
