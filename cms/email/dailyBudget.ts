const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The daily send budget counts per UTC calendar day: the same day for every process and server
 * time zone, and no day of 23 or 25 hours at a daylight saving change.
 */
export const dayStart = (now: Date): Date => new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS)

export const nextDayStart = (now: Date): Date => new Date(dayStart(now).getTime() + DAY_MS)

/** How many more notifications may go today. Confirmations count toward the day but always go. */
export const budgetLeft = (sentToday: number, limit: number): number =>
  Math.max(0, Math.floor(limit) - sentToday)
