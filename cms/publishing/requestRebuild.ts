import type { Payload, PayloadRequest } from 'payload'
import { publishingSettings } from './settings'
import { queueTask } from '../jobs/queues'

/**
 * Debounced: a rebuild waits `debounceMs`; a change while one is waiting pushes it back instead
 * of queuing another, so a burst of changes gives one build.
 */
export async function requestRebuild(
  payload: Payload,
  req?: PayloadRequest,
  debounceMs = publishingSettings().debounceMs,
): Promise<void> {
  const waitUntil = new Date(Date.now() + debounceMs).toISOString()
  const waiting = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'rebuildSite' } },
        { processing: { equals: false } },
        { completedAt: { exists: false } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const job = waiting.docs[0]
  if (job)
    await payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { waitUntil },
      overrideAccess: true,
      req,
    })
  else await queueTask(payload, 'rebuildSite', {}, { waitUntil: new Date(waitUntil), req })
  await payload.updateGlobal({
    slug: 'site-build',
    data: { state: 'queued' },
    overrideAccess: true,
    req,
  })
}
