import type { PayloadRequest } from 'payload'
import { siteUrl } from '../../config/urls'
import { requestLocale, type Locale } from '../../http/locale'
import { publicEndpoint } from '../../http/publicEndpoint'
import { readBody } from '../../http/readBody'
import { errorResponse, HttpError, type FieldError } from '../../http/responses'
import { inTransaction } from '../../http/transaction'
import type { Article, Comment } from '../../payload-types'
import { hashToken, newEditToken } from '../editToken'
import { commentFormErrorPage } from '../formErrorPage'
import { parseInput } from '../../http/parseInput'
import { newCommentInput, type NewCommentInput } from '../input'
import { commentText, message } from '../messages'
import { toPublicComment } from '../publicComment'
import { commentSettings, findComment, findPublishedArticle, initialStatus } from '../queries'
import { subscriptionMessage } from '../../subscriptions/messages'
import { requestSubscription } from '../../subscriptions/requestSubscription'

/**
 * POST /api/public/articles/:slug/comments: JSON from the island, or the plain HTML form.
 * Nothing is stored unless every check passes.
 */
export const createComment = publicEndpoint('post', '/public/articles/:slug/comments', async (req) => {
  const slug = String(req.routeParams?.slug ?? '')
  const { data, isForm } = await readBody(req)
  const locale = requestLocale(req.headers, data.lang)
  const articleUrl = `${siteUrl()}/blog/${encodeURIComponent(slug)}/`

  try {
    const input = parseInput(newCommentInput, data, commentText(locale))
    if (!input.ok) throw new HttpError(400, input.errors)
    const { comment, editToken } = await inTransaction(req, () => storeComment(req, slug, input.value, locale))
    if (isForm) {
      const anchor = comment.status === 'approved' ? 'kommentar-veroeffentlicht' : 'kommentar-wartet'
      return new Response(null, { status: 303, headers: { location: `${articleUrl}#${anchor}` } })
    }
    // Only the author's own answers carry the raw text, for editing it later.
    return Response.json({ comment: { ...toPublicComment(comment), status: comment.status, body: comment.body }, editToken }, { status: 201 })
  } catch (error) {
    if (!(error instanceof HttpError)) throw error
    if (isForm && error.status === 400) {
      return commentFormErrorPage({ locale, action: new URL(req.url ?? '', 'http://x').pathname, articleUrl, errors: error.errors, values: data })
    }
    return errorResponse(error.status, error.errors)
  }
})

async function storeComment(req: PayloadRequest, slug: string, input: NewCommentInput, locale: Locale): Promise<{ comment: Comment; editToken: string }> {
  const { payload } = req
  const article = await findPublishedArticle(payload, slug, req)
  if (!article) throw new HttpError(404, [{ field: 'slug', message: message(locale, 'articleNotFound') }])
  if (article.commentsOpen === false) throw new HttpError(409, [{ field: 'article', message: message(locale, 'commentsClosed') }])

  const settings = await commentSettings(payload, req)
  const placement = input.parent ? await replyPlacement(req, article, input.parent, settings.maxDepth, locale) : { parent: null, depth: 1 }
  const editToken = newEditToken()
  const comment = await payload.create({
    collection: 'comments',
    overrideAccess: true,
    req,
    data: {
      article: article.id,
      parent: placement.parent,
      depth: placement.depth,
      authorName: input.name,
      authorEmail: input.email,
      authorUrl: input.website ?? null,
      body: input.body,
      status: await initialStatus(payload, settings.moderation, input.email, req),
      consentAt: new Date().toISOString(),
      editTokenHash: hashToken(editToken),
    },
  })
  if (input.notify !== 'none') await requestNotification(req, article, input, locale)
  return { comment, editToken }
}

/** "Notify me" from the comment form: a double opt-in request; a throttled one never blocks the comment. */
async function requestNotification(req: PayloadRequest, article: Article, input: NewCommentInput, locale: Locale) {
  try {
    const scope = input.notify === 'article' ? 'article' : 'replies'
    await requestSubscription(req, { email: input.email, scope, article, locale, consentText: subscriptionMessage(locale, 'consentText') })
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 429)) throw error
  }
}

/** A reply below the maximum depth attaches at the maximum depth, next to its parent (WordPress does the same). */
async function replyPlacement(req: PayloadRequest, article: Article, parentId: string, maxDepth: number, locale: Locale) {
  const invalid: FieldError = { field: 'parent', message: message(locale, 'parentInvalid') }
  const parent = await findComment(req.payload, parentId, req)
  const parentArticle = parent && (typeof parent.article === 'object' ? parent.article.id : parent.article)
  if (!parent || parentArticle !== article.id || parent.status !== 'approved' || parent.deleted) throw new HttpError(400, [invalid])
  const parentDepth = parent.depth ?? 1
  if (parentDepth < maxDepth) return { parent: parent.id, depth: parentDepth + 1 }
  const grandParent = typeof parent.parent === 'object' ? parent.parent?.id : parent.parent
  // maxDepth 1 means no threading: the reply becomes a comment of its own.
  return grandParent ? { parent: grandParent, depth: maxDepth } : { parent: null, depth: 1 }
}
