import type { CollectionSlug, Payload, Where } from 'payload'
import {
  RateLimiterRes,
  type IRateLimiterStoreOptions,
  type RateLimiterStoreAbstract as StoreAbstract,
} from 'rate-limiter-flexible'
import StoreAbstractClass from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js'

const RateLimiterStoreAbstract = StoreAbstractClass as typeof StoreAbstract

type Counter = { points: number; expiresAt: number }

const COLLECTION: CollectionSlug = 'rate-limits'

/**
 * rate-limiter-flexible's store on the `rate-limits` collection, through Payload's database
 * adapter (SQLite, MongoDB alike), so CMS processes on one database enforce one limit. A live
 * counter grows with the adapter's atomic increment (`$inc`, as Payload counts failed logins);
 * only the reset of an expired window and the very first write are read-then-write, and a second
 * process racing the first write loses on the unique key and increments instead.
 */
export class RateLimiterPayload extends RateLimiterStoreAbstract {
  private readonly payload: Payload

  constructor(opts: Omit<IRateLimiterStoreOptions, 'storeClient'> & { payload: Payload }) {
    const { payload, ...rest } = opts
    super({ ...rest, storeClient: payload })
    this.payload = payload
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, result: Counter): RateLimiterRes {
    const consumed = result.points
    return new RateLimiterRes(
      Math.max(this.points - consumed, 0),
      Math.max(result.expiresAt - Date.now(), 0),
      consumed,
      consumed === changedPoints,
    )
  }

  async _upsert(
    rlKey: string,
    points: number,
    msDuration: number,
    forceExpire = false,
  ): Promise<Counter> {
    const { db } = this.payload
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = Date.now()
      const expiresAt = new Date(now + msDuration).toISOString()
      if (!forceExpire) {
        const live = await db.updateOne({
          collection: COLLECTION,
          where: liveWindow(rlKey, now),
          data: { points: { $inc: points } },
        })
        if (live) return counter(live)
      }
      // No live window: start a new one on the existing (expired) document, or create it.
      const restarted = await db.updateOne({
        collection: COLLECTION,
        where: forceExpire ? byKey(rlKey) : expiredWindow(rlKey, now),
        data: { points, expiresAt },
      })
      if (restarted) return counter(restarted)
      try {
        return counter(
          await db.create({ collection: COLLECTION, data: { key: rlKey, points, expiresAt } }),
        )
      } catch {
        // Another process created it in between (unique key): count on that document.
      }
    }
    throw new Error(`rate limit store: could not count ${rlKey}`)
  }

  async _get(rlKey: string): Promise<Counter | null> {
    const doc = await this.payload.db.findOne({
      collection: COLLECTION,
      where: liveWindow(rlKey, Date.now()),
    })
    return doc ? counter(doc) : null
  }

  async _delete(rlKey: string): Promise<boolean> {
    const existing = await this.payload.db.findOne({ collection: COLLECTION, where: byKey(rlKey) })
    if (!existing) return false
    await this.payload.db.deleteMany({ collection: COLLECTION, where: byKey(rlKey) })
    return true
  }
}

const byKey = (key: string): Where => ({ key: { equals: key } })
const liveWindow = (key: string, now: number): Where => ({
  and: [byKey(key), { expiresAt: { greater_than: new Date(now).toISOString() } }],
})
const expiredWindow = (key: string, now: number): Where => ({
  and: [byKey(key), { expiresAt: { less_than_equal: new Date(now).toISOString() } }],
})

const counter = (doc: object): Counter => ({
  points: Number((doc as { points?: unknown }).points),
  expiresAt: new Date(String((doc as { expiresAt?: unknown }).expiresAt)).getTime(),
})

/** Drops windows that ended: the collection holds only live counters (and a few just expired). */
export async function purgeExpiredRateLimits(payload: Payload): Promise<void> {
  await payload.db.deleteMany({
    collection: COLLECTION,
    where: { expiresAt: { less_than: new Date().toISOString() } },
  })
}
