import { describe, expect, it } from 'vitest'
import { budgetLeft, dayStart, nextDayStart } from './dailyBudget'

describe('the daily budget', () => {
  it('counts per UTC calendar day', () => {
    const late = new Date('2026-12-02T23:59:59.999Z')
    expect(dayStart(late).toISOString()).toBe('2026-12-02T00:00:00.000Z')
    expect(nextDayStart(late).toISOString()).toBe('2026-12-03T00:00:00.000Z')
    expect(dayStart(new Date('2026-12-03T00:00:00.000Z')).toISOString()).toBe(
      '2026-12-03T00:00:00.000Z',
    )
  })

  it('leaves what the limit allows, never less than nothing', () => {
    expect(budgetLeft(0, 1000)).toBe(1000)
    expect(budgetLeft(970, 1000)).toBe(30)
    expect(budgetLeft(1000, 1000)).toBe(0)
    expect(budgetLeft(1005, 1000)).toBe(0) // confirmations went over it
    expect(budgetLeft(0, 0)).toBe(0)
  })
})
