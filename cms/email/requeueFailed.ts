import type { Payload, Where } from 'payload'
import { PASSING_FAILURES } from '../collections/EmailDeliveries'

// Bookkeeping on possibly thousands of rows: one statement, past the hooks (which only derive `recipientKey`).
const update = (payload: Payload, where: Where, data: { status: 'pending'; batchKey?: null }) =>
  payload.db.updateMany({ collection: 'email-deliveries', where, data })

/**
 * Sets failed rows whose cause was not their address (key, domain, outage) back to pending, on
 * start and every 15 minutes: once the cause is gone they go out on their own. A row refused for
 * its address stays failed (an editor may resend it). Returns how many were set back.
 *
 * An outage batch keeps its key when all its rows come back together: the provider may have
 * delivered it while the answer got lost, and with the same key it drops the repeat (a key older
 * than 23 h is replaced by the sender). A key whose batch is incomplete (an editor resent some of
 * it) would be a different request under the same key, so those rows, like 401/403 ones the
 * provider never took, are batched anew.
 */
export async function requeueFailed(payload: Payload): Promise<number> {
  const failed: Where = {
    and: [
      { status: { equals: 'failed' } },
      { failure: { in: [...PASSING_FAILURES] } },
      // Reduced to its metadata by retention: nothing left to send.
      { redactedAt: { exists: false } },
    ],
  }
  const { docs } = await payload.find({
    collection: 'email-deliveries',
    where: failed,
    pagination: false,
    depth: 0,
    select: { batchKey: true, failure: true },
    overrideAccess: true,
  })
  if (docs.length === 0) return 0
  const outageKeys = new Map<string, number>()
  for (const row of docs)
    if (row.failure === 'outage' && row.batchKey)
      outageKeys.set(row.batchKey, (outageKeys.get(row.batchKey) ?? 0) + 1)
  const keep = new Set<string>()
  for (const [key, rows] of outageKeys) {
    const { totalDocs } = await payload.count({
      collection: 'email-deliveries',
      where: { batchKey: { equals: key } },
      overrideAccess: true,
    })
    if (totalDocs === rows) keep.add(key)
  }
  if (keep.size > 0)
    await update(payload, { and: [failed, { batchKey: { in: [...keep] } }] }, { status: 'pending' })
  // What is still failed now is everything else.
  await update(payload, failed, { status: 'pending', batchKey: null })
  return docs.length
}
