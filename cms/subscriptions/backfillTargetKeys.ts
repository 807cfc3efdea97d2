import { SUBSCRIPTION_SCOPES, type SubscriptionScope } from '../../contract'
import { subscriptionTargetKey } from '../utilities/normalizeEmail'

export type StoredSubscription = {
  id: number | string
  email: string
  scope: string
  article: number | string | null
  updatedAt: string
}

/**
 * For rows stored before `targetKey` existed: each row's key, and the twins to delete – per
 * target the most recently changed row stays (it holds the reader's latest wish, e.g. an
 * unsubscribe), so no confirmed twin outlives it.
 */
export function planTargetKeys(rows: StoredSubscription[]): {
  keys: { id: StoredSubscription['id']; targetKey: string }[]
  twins: StoredSubscription['id'][]
} {
  const latest = new Map<string, StoredSubscription>()
  const twins: StoredSubscription['id'][] = []
  const keys: { id: StoredSubscription['id']; targetKey: string }[] = []
  const isScope = (s: string): s is SubscriptionScope =>
    (SUBSCRIPTION_SCOPES as readonly string[]).includes(s)
  for (const row of rows) {
    if (!isScope(row.scope)) continue
    const key = subscriptionTargetKey(row.email, row.scope, row.article)
    const kept = latest.get(key)
    if (!kept) latest.set(key, row)
    else if (row.updatedAt > kept.updatedAt) {
      twins.push(kept.id)
      latest.set(key, row)
    } else twins.push(row.id)
  }
  for (const [targetKey, row] of latest) keys.push({ id: row.id, targetKey })
  return { keys, twins }
}
