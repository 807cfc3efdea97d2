import type { Payload, PayloadRequest } from 'payload'
import { publishingSettings } from './settings'
import { QUEUE_OF, queueTask, runQueueSoon } from '../jobs/queues'

/** A burst of changes never defers its build longer than this. */
export const MAX_DEFER_MS = 10_000

/**
 * Asks for a site build. Leading edge: with no build waiting or running, one is queued to run at
 * once, so a single publish is served as soon as it is built; while one runs, the next waits
 * `debounceMs` (as every build does when a static host builds through SITE_DEPLOY_HOOK). A change
 * while one is waiting pushes it back by
 * `debounceMs` (a burst gives one build), but never beyond MAX_DEFER_MS after it was queued, so a
 * steady stream of changes (comments approved one by one) still gets built.
 */
export async function requestRebuild(
  payload: Payload,
  req?: PayloadRequest,
  debounceMs = publishingSettings().debounceMs,
): Promise<void> {
  // A static host's build is slow and may be billed: there, every build waits out the burst.
  const leading = !publishingSettings().deployHook
  const now = Date.now()
  const { docs: unfinished } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: 'rebuildSite' } }, { completedAt: { exists: false } }],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const job = unfinished.find((j) => !j.processing)
  const building = unfinished.some((j) => j.processing)
  if (job) {
    const latest = Date.parse(job.createdAt) + MAX_DEFER_MS
    const waitUntil = new Date(Math.max(now, Math.min(now + debounceMs, latest))).toISOString()
    await payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { waitUntil },
      overrideAccess: true,
      req,
    })
  } else {
    // While a build runs, the next one gathers the changes that arrive meanwhile.
    const waitUntil = new Date(building || !leading ? now + debounceMs : now)
    await queueTask(payload, 'rebuildSite', {}, { waitUntil, req })
    if (waitUntil.getTime() === now) runQueueSoon(payload, QUEUE_OF.rebuildSite)
  }
  await payload.updateGlobal({
    slug: 'site-build',
    data: { state: 'queued' },
    overrideAccess: true,
    req,
  })
}
