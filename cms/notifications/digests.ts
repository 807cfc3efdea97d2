import type { PayloadRequest } from 'payload'
import { readCommentSettings } from '../globals/readCommentSettings'
import { queueTask } from '../jobs/queues'
import type { Comment, Subscription } from '../payload-types'
import type { Recipient } from './commentRecipients'

// Fan-out jobs run in parallel: the gate decides one comment at a time, on fresh rows.
let gate: Promise<unknown> = Promise.resolve()
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const run = gate.then(work, work)
  gate = run.catch(() => undefined)
  return run
}

/**
 * The digest gate, per follower and article: the first comment after a quiet window goes out at
 * once (returned); a comment within the window is held (a `digest-items` row) and leaves with the
 * others when the window ends (`sendDigest`, scheduled once per window).
 */
export function digestGate(
  req: PayloadRequest,
  comment: Comment,
  recipients: Recipient[],
): Promise<Recipient[]> {
  if (recipients.length === 0) return Promise.resolve([])
  return oneAtATime(async () => {
    const windowMs = (await readCommentSettings(req.payload, req)).digestMinutes * 60_000
    const at = Date.now()
    const { docs } = await req.payload.find({
      collection: 'subscriptions',
      where: { id: { in: recipients.map((r) => r.subscription.id) } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const fresh = new Map<Subscription['id'], Subscription>(docs.map((s) => [s.id, s]))
    const quiet = (s: Subscription | undefined) =>
      windowMs === 0 || !s?.notifiedAt || at - Date.parse(s.notifiedAt) >= windowMs
    const now = recipients.filter((r) => quiet(fresh.get(r.subscription.id)))
    if (now.length > 0) {
      // Bookkeeping, not a change anyone sees: written past the hooks.
      await req.payload.db.updateMany({
        collection: 'subscriptions',
        where: { id: { in: now.map((r) => r.subscription.id) } },
        data: { notifiedAt: new Date(at).toISOString() },
        req,
      })
    }
    for (const { subscription, kind } of recipients.filter((r) => !now.includes(r))) {
      const current = fresh.get(subscription.id)
      try {
        // A bookkeeping row without hooks: the Local API's create operation would cost half again.
        await req.payload.db.create({
          collection: 'digest-items',
          data: { subscription: subscription.id, comment: comment.id, kind },
          req,
        })
      } catch {
        continue // already held for this follower (a retried job)
      }
      if (current?.digestDueAt) continue
      const due = new Date(Date.parse(current?.notifiedAt ?? new Date(at).toISOString()) + windowMs)
      await req.payload.db.updateOne({
        collection: 'subscriptions',
        id: subscription.id,
        data: { digestDueAt: due.toISOString() },
        req,
      })
      await queueTask(
        req.payload,
        'sendDigest',
        { subscriptionId: String(subscription.id) },
        { waitUntil: due, req },
      )
    }
    return now
  })
}
