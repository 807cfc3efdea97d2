import type { Payload } from 'payload'
import { RENDERER_VERSION } from './render'

/**
 * After a renderer change (RENDERER_VERSION raised), renders the stored HTML of older comments
 * again, in batches; on start, so no reader's request pays for it. Returns how many it rendered.
 */
export async function rerenderOutdatedComments(payload: Payload): Promise<number> {
  const where = {
    or: [{ htmlVersion: { not_equals: RENDERER_VERSION } }, { htmlVersion: { exists: false } }],
  }
  let total = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'comments',
      where,
      limit: 100,
      depth: 0,
      overrideAccess: true,
    })
    if (docs.length === 0) return total
    // An update without data: the beforeChange hook sees the old version and renders; nobody is notified.
    for (const doc of docs)
      await payload.update({
        collection: 'comments',
        id: doc.id,
        data: {},
        overrideAccess: true,
        context: { bulkImport: true },
      })
    total += docs.length
  }
}
