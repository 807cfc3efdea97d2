import type { Payload } from 'payload'
import { dayStart } from './dailyBudget'

/**
 * Emails sent today, counted from the outbox rows (not a process counter): the count survives a
 * restart and is the same for every process on the database.
 */
export async function sentToday(payload: Payload, now = new Date()): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'email-deliveries',
    where: {
      and: [
        { status: { equals: 'sent' } },
        { sentAt: { greater_than_equal: dayStart(now).toISOString() } },
      ],
    },
    overrideAccess: true,
  })
  return totalDocs
}
