import type { Payload, PayloadRequest, Where } from 'payload'

/**
 * An editor's "Erneut senden": failed rows (the given ones, or all) go back to pending under no
 * batch key, so the sender puts them into new batches with new keys (a subset of an old batch
 * under its old key would be a different request under the same key). Sent rows are never sent
 * again. Returns how many were set back.
 */
export async function resendFailed(
  payload: Payload,
  which: { ids: (string | number)[] } | { all: true },
  req?: PayloadRequest,
): Promise<number> {
  // A row reduced to its metadata by retention has nothing left to send.
  const failed: Where = {
    and: [{ status: { equals: 'failed' } }, { redactedAt: { exists: false } }],
  }
  const { docs } = await payload.update({
    collection: 'email-deliveries',
    where: 'ids' in which ? { and: [failed, { id: { in: which.ids } }] } : failed,
    data: { status: 'pending', batchKey: null, batchedAt: null },
    overrideAccess: true,
    req,
  })
  return docs.length
}
