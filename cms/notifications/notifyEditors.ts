import type { PayloadRequest, TaskConfig, Where } from 'payload'
import { findArticle } from '../collections/Articles/queries'
import { editorNoticeStarted } from '../collections/Comments/hooks/queueNotifications'
import { adminDocUrl, adminListUrl } from '../config/urls'
import { queueEmails } from '../email/queueEmails'
import { mailSettings } from '../email/settings'
import { editorPendingEmail } from '../email/templates/notifications'
import { readCommentSettings } from '../globals/readCommentSettings'
import { queueTask } from '../jobs/queues'
import { relationId } from '../utilities/relationId'

/** How many waiting comments one notice quotes; it counts the others and links the list. */
const LISTED = 50

/**
 * Tells the editors (EDITOR_EMAIL, else every editor) which comments wait for approval: at most
 * one email per digest window (the comment settings' `digestMinutes`), covering every comment
 * that arrived since the last one. The first after a quiet window goes at once; one within it
 * is deferred to the window's end, so a flood of comments is one email, not one per comment.
 */
export const notifyEditors: TaskConfig<{
  input: Record<string, never>
  output: { queued: number }
}> = {
  slug: 'notifyEditors',
  retries: 3,
  inputSchema: [],
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ req }) => {
    editorNoticeStarted()
    const windowMs = (await readCommentSettings(req.payload, req)).digestMinutes * 60_000
    const last = await lastNoticeAt(req)
    if (windowMs > 0 && last !== null && Date.now() - last < windowMs) {
      await deferNotice(req, new Date(last + windowMs))
      return { output: { queued: 0 } }
    }
    // Everything that waits now; a comment arriving meanwhile is left for the next notice.
    const waiting: Where = {
      and: [
        { status: { equals: 'pending' } },
        { editorsNotified: { not_equals: true } },
        { createdAt: { less_than_equal: new Date().toISOString() } },
      ],
    }
    const { docs: listed, totalDocs } = await req.payload.find({
      collection: 'comments',
      where: waiting,
      sort: 'createdAt',
      limit: LISTED,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (listed.length === 0) return { output: { queued: 0 } }
    const titles = new Map<string, string>()
    for (const comment of listed) {
      const id = String(relationId(comment.article))
      if (!titles.has(id)) titles.set(id, (await findArticle(req.payload, id, req))?.title ?? '')
    }
    const rendered = editorPendingEmail(
      listed.map((comment) => ({
        articleTitle: titles.get(String(relationId(comment.article))) ?? '',
        authorName: comment.authorName ?? '',
        body: comment.body ?? '',
        adminUrl: adminDocUrl('comments', comment.id),
      })),
      adminListUrl('comments', { 'where[status][equals]': 'pending' }),
      totalDocs,
    )
    const queued = await queueEmails(
      req,
      `editor:${listed.map((c) => c.id).join(',')}`.slice(0, 200),
      (await editorAddresses(req)).map((to) => ({ to, kind: 'editor' as const, rendered })),
    )
    // A bookkeeping flag, not a change anyone sees: written past the hooks.
    await req.payload.db.updateMany({
      collection: 'comments',
      where: waiting,
      data: { editorsNotified: true },
      req,
    })
    return { output: { queued } }
  },
}

/** When the editors were last told (the newest editor email of the outbox), or null. */
async function lastNoticeAt(req: PayloadRequest): Promise<number | null> {
  const { docs } = await req.payload.find({
    collection: 'email-deliveries',
    where: { kind: { equals: 'editor' } },
    sort: '-createdAt',
    limit: 1,
    pagination: false,
    depth: 0,
    select: { createdAt: true },
    overrideAccess: true,
    req,
  })
  return docs[0] ? Date.parse(docs[0].createdAt) : null
}

/** One notice waits for the window's end, however many comments ask for it meanwhile. */
async function deferNotice(req: PayloadRequest, at: Date): Promise<void> {
  const { totalDocs } = await req.payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'notifyEditors' } },
        { completedAt: { exists: false } },
        { waitUntil: { greater_than: new Date().toISOString() } },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) await queueTask(req.payload, 'notifyEditors', {}, { req, waitUntil: at })
}

async function editorAddresses(req: PayloadRequest): Promise<string[]> {
  const configured = mailSettings().editorEmail
  if (configured) return [configured]
  const { docs } = await req.payload.find({
    collection: 'users',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.map((u) => u.email)
}
