import type { PayloadRequest } from 'payload'
import {
  currentConsent,
  FORM_ANCHORS,
  FORM_TOKEN_HEADER,
  type CreatedComment,
} from '../../../contract'
import { findPublishedArticle, type PublishedArticle } from '../../collections/Articles/queries'
import { articleUrl } from '../../config/urls'
import { readCommentSettings } from '../../globals/readCommentSettings'
import { requestLocale, type Locale } from '../../http/locale'
import { parseInput } from '../../http/parseInput'
import { publicEndpoint } from '../../http/publicEndpoint'
import { limitEmail } from '../../http/rateLimits'
import { readBody } from '../../http/readBody'
import { errorResponse, fieldError, HttpError } from '../../http/responses'
import { inTransaction } from '../../http/transaction'
import { message, translator } from '../../i18n/messages'
import type { Comment } from '../../payload-types'
import { newToken } from '../../security/tokens'
import { readyForRequests, requestSubscription } from '../../subscriptions/requestSubscription'
import { relationId } from '../../utilities/relationId'
import { commentFormErrorPage } from '../formErrorPage'
import { newCommentInput, type NewCommentInput } from '../input'
import { assertSameSubmission, findByIdempotencyKey, idempotencyKeyHash } from '../idempotency'
import { toOwnComment } from '../publicComment'
import { findComment, initialStatus, isDuplicate } from '../queries'
import { formTokenForRetry, judgeFormToken, renewedFormToken } from '../../spam/formToken'
import { spamReason, type SpamCandidate } from '../../spam/spamCheck'

/**
 * POST /api/public/articles/:slug/comments: JSON from the island, or the plain HTML form.
 * Nothing is stored unless every check passes; what looks like spam (spam/spamCheck, a duplicate)
 * is stored as `spam` and answered exactly like a held comment. The comment, its hooks' work
 * (thread stamp, notification jobs) and the subscription request are one transaction; a retry
 * with the same Idempotency-Key gets the stored comment back (idempotency.ts).
 */
export const createComment = publicEndpoint(
  'post',
  '/public/articles/:slug/comments',
  async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    const { data, isForm } = await readBody(req)
    const locale = requestLocale(req.headers, data.lang)
    const backUrl = articleUrl(encodeURIComponent(slug))

    try {
      const input = parseInput(newCommentInput, data, translator(locale))
      if (!input.ok) throw new HttpError(400, input.errors)
      // Said out loud, not held as spam: a reader of a page built long ago sends it again.
      if (judgeFormToken(data.formToken) === 'expired')
        throw fieldError(400, 'formToken', message(locale, 'formTokenExpired'))
      const keyHash = idempotencyKeyHash(req.headers, locale)
      await limitEmail(req, 'commentEmail', input.value.email, locale)
      const spamSigns = { formToken: data.formToken, homepage: data.homepage }
      await readyForRequests(req.payload)
      const { comment, editToken } = await inTransaction(req, () =>
        storeComment(req, slug, input.value, spamSigns, locale, keyHash),
      )
      // Spam gets the answer of a held comment: nothing tells a bot which rule caught it.
      if (isForm) {
        const anchor =
          comment.status === 'approved'
            ? FORM_ANCHORS.commentPublished
            : FORM_ANCHORS.commentWaiting
        return new Response(null, { status: 303, headers: { location: `${backUrl}#${anchor}` } })
      }
      return Response.json({ comment: toOwnComment(comment), editToken } satisfies CreatedComment, {
        status: 201,
      })
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      if (isForm && error.status === 400) {
        return commentFormErrorPage({
          locale,
          action: new URL(req.url ?? '', 'http://x').pathname,
          articleUrl: backUrl,
          errors: error.errors,
          values: { ...data, formToken: formTokenForRetry(data.formToken) },
        })
      }
      // An expired token comes back renewed (the island sends it again with the same text).
      const renewed: Record<string, string> = error.errors.some((e) => e.field === 'formToken')
        ? { [FORM_TOKEN_HEADER]: renewedFormToken() }
        : {}
      return errorResponse(error.status, error.errors, renewed)
    }
  },
)

async function storeComment(
  req: PayloadRequest,
  slug: string,
  input: NewCommentInput,
  spamSigns: Pick<SpamCandidate, 'formToken' | 'homepage'>,
  locale: Locale,
  keyHash: string | null,
): Promise<{ comment: Comment; editToken: string }> {
  const { payload } = req
  const article = await findPublishedArticle(payload, slug, req)
  if (!article) throw fieldError(404, 'slug', message(locale, 'articleNotFound'))
  const earlier = keyHash ? await findByIdempotencyKey(req, keyHash) : undefined
  if (earlier) return repeatComment(req, earlier, article, input, locale)
  if (article.commentsOpen === false)
    throw fieldError(409, 'article', message(locale, 'commentsClosed'))

  const settings = await readCommentSettings(payload, req)
  const placement = input.parent
    ? await replyPlacement(req, article, input.parent, settings.maxDepth, locale)
    : { parent: null, depth: 1 }
  const spam =
    spamReason({ ...input, ...spamSigns }, settings) ??
    ((await isDuplicate(payload, article.id, input.body, req)) ? 'duplicate' : null)
  const editToken = newToken()
  const comment = await payload.create({
    collection: 'comments',
    depth: 0,
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
      status: spam ? 'spam' : await initialStatus(payload, settings.moderation, input.email, req),
      spamReason: spam,
      consentAt: new Date().toISOString(),
      consentVersion: currentConsent('comment').version,
      editTokenHash: editToken.hash,
      ...(keyHash ? { idempotencyKeyHash: keyHash } : {}),
    },
  })
  // No confirmation emails on behalf of spam: the form must not become a way to mail strangers.
  if (input.notify !== 'none' && !spam) await requestNotification(req, article, input, locale)
  return { comment, editToken: editToken.token }
}

/**
 * A retry of a stored submission (its answer was lost): the same comment with a fresh edit token
 * (only the submitter knows the key), and the subscription request done again, which changes
 * nothing when the first attempt made it (a pending request is not sent twice within minutes).
 */
async function repeatComment(
  req: PayloadRequest,
  comment: Comment,
  article: PublishedArticle,
  input: NewCommentInput,
  locale: Locale,
): Promise<{ comment: Comment; editToken: string }> {
  assertSameSubmission(comment, input, article.id, locale)
  const editToken = newToken()
  // Straight to the database: the token is no content, so no hook (stamp, notifications) runs.
  await req.payload.db.updateOne({
    collection: 'comments',
    id: comment.id,
    data: { editTokenHash: editToken.hash },
    returning: false,
    req,
  })
  if (input.notify !== 'none' && comment.status !== 'spam')
    await requestNotification(req, article, input, locale)
  return { comment, editToken: editToken.token }
}

/** "Notify me" from the comment form: a double opt-in request (its limits never refuse the comment). */
async function requestNotification(
  req: PayloadRequest,
  article: PublishedArticle,
  input: NewCommentInput,
  locale: Locale,
) {
  await requestSubscription(req, {
    email: input.email,
    scope: input.notify === 'article' ? 'article' : 'replies',
    article,
    locale,
    consentText: message(locale, 'subscriptionConsentText'),
  })
}

/** A reply below the maximum depth attaches at the maximum depth, next to its parent (WordPress does the same). */
async function replyPlacement(
  req: PayloadRequest,
  article: PublishedArticle,
  parentId: string,
  maxDepth: number,
  locale: Locale,
) {
  const parent = await findComment(req.payload, parentId, req)
  if (
    !parent ||
    relationId(parent.article) !== article.id ||
    parent.status !== 'approved' ||
    parent.deleted
  ) {
    throw fieldError(400, 'parent', message(locale, 'parentInvalid'))
  }
  const parentDepth = parent.depth ?? 1
  if (parentDepth < maxDepth) return { parent: parent.id, depth: parentDepth + 1 }
  const grandParent = relationId(parent.parent)
  // maxDepth 1 means no threading: the reply becomes a comment of its own.
  return grandParent ? { parent: grandParent, depth: maxDepth } : { parent: null, depth: 1 }
}
