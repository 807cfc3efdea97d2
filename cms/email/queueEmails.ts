import type { PayloadRequest } from 'payload'
import type { EmailKind } from '../collections/EmailDeliveries'
import { sendOutbox, whileFilling } from './sendOutbox'
import { BATCH_SIZE } from './settings'
import type { Rendered } from './templates/layout'
import { queueTask } from '../jobs/queues'

export type Outgoing = {
  to: string
  kind: EmailKind
  rendered: Rendered
  headers?: Record<string, string>
}

/**
 * Puts emails of one event into the outbox (once per address and event, even when called again)
 * and queues the sender job with the request's transaction, so nothing leaves before it commits.
 */
export async function queueEmails(
  req: PayloadRequest,
  eventKey: string,
  emails: Outgoing[],
  options: { inJob?: boolean } = {},
): Promise<number> {
  const { payload } = req
  const existing = await payload.find({
    collection: 'email-deliveries',
    where: { eventKey: { equals: eventKey } },
    pagination: false,
    select: { to: true },
    depth: 0,
    overrideAccess: true,
    req,
  })
  const done = new Set(existing.docs.map((d) => d.to))
  let added = 0
  const fill = async () => {
    for (const email of emails) {
      if (done.has(email.to)) continue
      done.add(email.to)
      await payload.create({
        collection: 'email-deliveries',
        overrideAccess: true,
        req,
        data: {
          eventKey,
          kind: email.kind,
          to: email.to,
          ...email.rendered,
          headers: email.headers ?? null,
          status: 'pending',
        },
      })
      added++
      // Inside a job (never in a reader's request) sending starts with the first full batch, while
      // the rest of a large fan-out is still being queued; the sender job below joins that drain.
      if (options.inJob && added % BATCH_SIZE === 0) void sendOutbox(payload)
      // SQLite answers synchronously, so a long loop of writes would starve the sender's HTTP I/O.
      if (added % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
  }
  await (options.inJob ? whileFilling(fill) : fill())
  if (added > 0) await queueTask(payload, 'sendEmails', {}, { req })
  return added
}
