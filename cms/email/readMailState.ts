import type { Payload, Where } from 'payload'
import { PASSING_FAILURES } from '../collections/EmailDeliveries'
import type { MailState } from './mailNotices'
import { sentToday } from './sentToday'
import { mailSettings } from './settings'

/** What the admin's mail notices are decided from (mailNotices.ts), read from the outbox rows. */
export async function readMailState(
  payload: Payload,
  now = new Date(),
): Promise<MailState & { failed: number }> {
  const count = async (where: Where) =>
    (await payload.count({ collection: 'email-deliveries', where, overrideAccess: true })).totalDocs
  // Unresolved: failed, or set back to pending and not sent yet; a refused address is not "sending fails".
  const unresolved: Where = {
    and: [
      { status: { in: ['pending', 'failed'] } },
      { failure: { in: [...PASSING_FAILURES] } },
      { firstFailedAt: { exists: true } },
    ],
  }
  const first = (sort: string) =>
    payload
      .find({
        collection: 'email-deliveries',
        where: unresolved,
        sort,
        limit: 1,
        depth: 0,
        select: { firstFailedAt: true, lastError: true },
        overrideAccess: true,
      })
      .then(({ docs }) => docs[0])
  const [oldest, latest] = await Promise.all([first('firstFailedAt'), first('-updatedAt')])
  return {
    now,
    sentToday: await sentToday(payload, now),
    limit: mailSettings().dailyLimit,
    waiting: await count({
      and: [{ status: { equals: 'pending' } }, { kind: { not_equals: 'confirmation' } }],
    }),
    failingSince: oldest?.firstFailedAt ? new Date(oldest.firstFailedAt) : null,
    lastError: latest?.lastError ?? null,
    failed: await count({ status: { equals: 'failed' } }),
  }
}
