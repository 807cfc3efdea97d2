import type { PayloadRequest, TaskConfig } from 'payload'
import { findArticle } from '../collections/Articles/queries'
import { findComment } from '../comments/queries'
import { commentLink } from '../comments/commentLink'
import { articleUrl, unsubscribeUrl } from '../config/urls'
import { listHeaders } from '../email/listHeaders'
import { queueEmails } from '../email/queueEmails'
import { requeueFailed } from '../email/requeueFailed'
import { sendOutbox } from '../email/sendOutbox'
import { commentEmail, digestEmail, postEmail } from '../email/templates/notifications'
import type { Article, Comment } from '../payload-types'
import { unsubscribeTokens } from '../subscriptions/tokens'
import { relationId } from '../utilities/relationId'
import { commentRecipients } from './commentRecipients'
import { digestGate } from './digests'
import { notifyEditors } from './notifyEditors'
import { QUEUE_OF } from '../jobs/queues'

/** Comments a digest quotes (the oldest first); it counts the rest and links the discussion. */
const DIGEST_QUOTED = 50

const idInput = (name: string) => [{ name, type: 'text' as const, required: true }]
const siteName = () => process.env.SITE_NAME ?? 'Leuchtturm'
/** Makes unsubscribe links (a link key read once per task run). */
const unsubscribeLinks = async (req: PayloadRequest) => {
  const token = await unsubscribeTokens(req.payload)
  return (subscriptionId: string | number) => unsubscribeUrl(token(subscriptionId))
}

const articleOf = (req: PayloadRequest, comment: Comment): Promise<Article | null> =>
  findArticle(req.payload, String(relationId(comment.article)), req)

/** Fans a newly approved comment out to its followers (through the outbox, never inline). */
export const notifyComment: TaskConfig<{
  input: { commentId: string }
  output: { queued: number }
}> = {
  slug: 'notifyComment',
  retries: 3,
  inputSchema: idInput('commentId'),
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ input, req }) => {
    const unsubscribeLink = await unsubscribeLinks(req)
    const comment = await findComment(req.payload, input.commentId, req)
    if (!comment || comment.status !== 'approved' || comment.deleted)
      return { output: { queued: 0 } }
    const article = await articleOf(req, comment)
    if (!article) return { output: { queued: 0 } }
    const url = await commentLink(req.payload, article.slug, comment.id)
    const recipients = await commentRecipients(req, comment)
    const now = await digestGate(req, comment, recipients)
    const queued = await queueEmails(
      req,
      `comment:${comment.id}`,
      now.map(({ email, kind, subscription }) => ({
        to: email,
        kind,
        headers: listHeaders(unsubscribeLink(subscription.id)),
        rendered: commentEmail({
          locale: article.language === 'en' ? 'en' : 'de',
          kind,
          articleTitle: article.title,
          authorName: comment.authorName ?? '',
          body: comment.body ?? '',
          url,
          unsubscribe: { url: unsubscribeLink(subscription.id) },
        }),
      })),
      { inJob: true },
    )
    return { output: { queued } }
  },
}

/** Tells confirmed "posts" subscribers about a newly published article, once per address. */
export const notifyNewPost: TaskConfig<{
  input: { articleId: string }
  output: { queued: number }
}> = {
  slug: 'notifyNewPost',
  retries: 3,
  inputSchema: idInput('articleId'),
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ input, req }) => {
    const unsubscribeLink = await unsubscribeLinks(req)
    const article = await findArticle(req.payload, input.articleId, req)
    if (!article || article._status !== 'published') return { output: { queued: 0 } }
    const subscribers = await req.payload.find({
      collection: 'subscriptions',
      where: { and: [{ scope: { equals: 'posts' } }, { status: { equals: 'confirmed' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const queued = await queueEmails(
      req,
      `post:${article.id}`,
      subscribers.docs.map((subscription) => ({
        to: subscription.email,
        kind: 'post' as const,
        headers: listHeaders(unsubscribeLink(subscription.id)),
        rendered: postEmail({
          locale: subscription.locale === 'en' ? 'en' : 'de',
          title: article.title,
          excerpt: article.excerpt ?? '',
          url: articleUrl(article.slug),
          siteName: siteName(),
          unsubscribe: { url: unsubscribeLink(subscription.id) },
        }),
      })),
      { inJob: true },
    )
    return { output: { queued } }
  },
}

/** A follower's held comments on one article, in one email, when their digest window ends. */
export const sendDigest: TaskConfig<{
  input: { subscriptionId: string }
  output: { queued: number }
}> = {
  slug: 'sendDigest',
  retries: 3,
  inputSchema: idInput('subscriptionId'),
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ input, req }) => {
    const unsubscribeLink = await unsubscribeLinks(req)
    const { payload } = req
    const subscription = (
      await payload.find({
        collection: 'subscriptions',
        where: { id: { equals: input.subscriptionId } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).docs[0]
    if (!subscription) return { output: { queued: 0 } }
    const { docs: items } = await payload.find({
      collection: 'digest-items',
      where: { subscription: { equals: subscription.id } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const commentIds = items.map((item) => relationId(item.comment)).filter((id) => id !== null)
    const { docs: comments } = await payload.find({
      collection: 'comments',
      where: {
        and: [
          { id: { in: commentIds } },
          { status: { equals: 'approved' } },
          { deleted: { not_equals: true } },
        ],
      },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const article = subscription.article
      ? await findArticle(payload, String(relationId(subscription.article)), req)
      : null
    let queued = 0
    if (subscription.status === 'confirmed' && article && comments.length > 0) {
      const kind = items.some((item) => item.kind === 'comment') ? 'comment' : 'reply'
      queued = await queueEmails(
        req,
        `digest:${subscription.id}:${subscription.digestDueAt ?? ''}`,
        [
          {
            to: subscription.email,
            kind,
            headers: listHeaders(unsubscribeLink(subscription.id)),
            rendered: digestEmail({
              locale: article.language === 'en' ? 'en' : 'de',
              kind,
              articleTitle: article.title,
              comments: await Promise.all(
                comments.slice(0, DIGEST_QUOTED).map(async (c) => ({
                  authorName: c.authorName ?? '',
                  body: c.body ?? '',
                  url: await commentLink(payload, article.slug, c.id),
                })),
              ),
              total: comments.length,
              unsubscribe: { url: unsubscribeLink(subscription.id) },
            }),
          },
        ],
      )
    }
    // Bookkeeping rows without hooks: one statement, not one delete operation per row.
    await payload.db.deleteMany({
      collection: 'digest-items',
      where: { id: { in: items.map((item) => item.id) } },
      req,
    })
    await payload.db.updateOne({
      collection: 'subscriptions',
      id: subscription.id,
      data: { digestDueAt: null, ...(queued > 0 ? { notifiedAt: new Date().toISOString() } : {}) },
      req,
    })
    return { output: { queued } }
  },
}

/** Drains the outbox: batches of 100, rate limited, retried, idempotent. */
export const sendEmails: TaskConfig<{ input: Record<string, never>; output: { sent: number } }> = {
  slug: 'sendEmails',
  retries: 5,
  inputSchema: [],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ req }) => ({ output: { sent: await sendOutbox(req.payload) } }),
}

/**
 * Every 15 minutes: failed emails whose cause was not their address go out again (requeueFailed),
 * and the outbox is drained, which also sends what the daily budget held once the day has turned.
 */
export const retryEmails: TaskConfig<{
  input: Record<string, never>
  output: { requeued: number; sent: number }
}> = {
  slug: 'retryEmails',
  retries: 0,
  inputSchema: [],
  outputSchema: [
    { name: 'requeued', type: 'number' },
    { name: 'sent', type: 'number' },
  ],
  schedule: [{ cron: '0 */15 * * * *', queue: QUEUE_OF.retryEmails }],
  handler: async ({ req }) => {
    const requeued = await requeueFailed(req.payload)
    return { output: { requeued, sent: await sendOutbox(req.payload) } }
  },
}

export const notificationTasks = [
  notifyComment,
  sendDigest,
  notifyEditors,
  notifyNewPost,
  sendEmails,
  retryEmails,
]
