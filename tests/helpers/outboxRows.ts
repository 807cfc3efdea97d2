import type { Payload } from 'payload'
import type { EmailDelivery } from '../../cms/payload-types'

/**
 * Puts `count` emails straight into the outbox (no sender job queued), as a fan-out or a crash
 * would have left them; `to` addresses are `<event>-<n>@example.de`. Returns the addresses.
 */
export async function addOutboxRows(
  payload: Payload,
  event: string,
  count: number,
  row: Partial<EmailDelivery> = {},
): Promise<string[]> {
  const now = new Date().toISOString()
  const addresses = Array.from({ length: count }, (_, i) => `${event}-${i}@example.de`)
  for (const to of addresses) {
    await payload.db.create({
      collection: 'email-deliveries',
      data: {
        eventKey: event,
        kind: 'comment',
        to,
        subject: `Betreff ${event}`,
        text: `Text ${event}`,
        status: 'pending',
        createdAt: now,
        updatedAt: now,
        ...row,
      },
    })
  }
  return addresses
}

/** How many rows of one event have each status. */
export async function statusesOf(payload: Payload, event: string): Promise<Record<string, number>> {
  const { docs } = await payload.find({
    collection: 'email-deliveries',
    where: { eventKey: { equals: event } },
    pagination: false,
    depth: 0,
  })
  const counts: Record<string, number> = {}
  for (const doc of docs) counts[doc.status] = (counts[doc.status] ?? 0) + 1
  return counts
}
