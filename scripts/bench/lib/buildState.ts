import type { Payload } from 'payload'
import type { SiteBuild } from '../../../cms/payload-types'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What the admin shows about the last build (the `site-build` global). */
export const readBuild = (payload: Payload): Promise<SiteBuild> =>
  payload.findGlobal({ slug: 'site-build', depth: 0, overrideAccess: true })

/** Whether a rebuild is queued or running (the global's state, or a rebuild job not yet done). */
async function busy(payload: Payload): Promise<boolean> {
  const build = await readBuild(payload)
  if (build.state === 'queued' || build.state === 'building') return true
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'rebuildSite' } }, { completedAt: { exists: false } }] },
    overrideAccess: true,
  })
  return totalDocs > 0
}

/**
 * Waits until no rebuild is queued or running, then `settleMs` more: each measurement starts on a
 * quiet site, as an editor's next change some seconds after the last build would.
 */
export async function waitUntilIdle(
  payload: Payload,
  settleMs: number,
  timeoutMs: number,
): Promise<void> {
  const started = Date.now()
  while (await busy(payload)) {
    if (Date.now() - started > timeoutMs) throw new Error('the site never stopped building')
    await sleep(200)
  }
  await sleep(settleMs)
}

/**
 * The record of the first build that finished after `since` (ISO time), once it is written; null
 * when none finished within `timeoutMs`. A failed build throws with its error.
 */
export async function buildFinishedAfter(
  payload: Payload,
  since: string,
  timeoutMs: number,
): Promise<SiteBuild | null> {
  const started = Date.now()
  for (;;) {
    const build = await readBuild(payload)
    const finished = (build.lastFinishedAt ?? '') > since
    if (finished && build.state === 'failed') throw new Error(build.lastError ?? 'build failed')
    if (finished) return build
    if (Date.now() - started > timeoutMs) return null
    await sleep(100)
  }
}
