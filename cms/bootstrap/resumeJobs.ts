import { createLocalReq, type Payload } from 'payload'
import { requeueFailed } from '../email/requeueFailed'
import { queueTask } from '../jobs/queues'
import { pseudonymKey } from '../security/privacyKeys'
import { enforceRetention, type RetentionReport } from '../privacy/retention'

/**
 * After a crash, jobs that were running stay marked "processing" and Payload never picks them up
 * again. On start (one server per database) they are released, emails that failed for a cause
 * that may be gone by now (key, domain, outage) are set back to pending, and an outbox with
 * pending emails gets a sender job; idempotency keys keep resent batches from arriving twice.
 * Retention runs once (then hourly, as a job).
 */
export async function resumeJobs(payload: Payload): Promise<{
  released: number
  requeuedEmails: number
  pendingEmails: number
  retention: RetentionReport
}> {
  const { docs } = await payload.update({
    collection: 'payload-jobs',
    where: { processing: { equals: true } },
    data: { processing: false },
    overrideAccess: true,
  })
  const requeuedEmails = await requeueFailed(payload)
  const pendingEmails = (
    await payload.count({
      collection: 'email-deliveries',
      where: { status: { equals: 'pending' } },
      overrideAccess: true,
    })
  ).totalDocs
  if (pendingEmails > 0) await queueTask(payload, 'sendEmails', {})
  // Retention runs hourly; a server that was down for a while catches up right away. Its key is
  // made here, outside any transaction (its write inside the job's would wait for that one).
  await pseudonymKey(payload)
  const retention = await enforceRetention(await createLocalReq({}, payload))
  return { released: docs.length, requeuedEmails, pendingEmails, retention }
}
