import { describe, expect, it } from 'vitest'
import { planTargetKeys } from './backfillTargetKeys'

describe('planTargetKeys', () => {
  it('keys every row and keeps only the latest of twins', () => {
    const plan = planTargetKeys([
      { id: 1, email: 'anna@gmail.com', scope: 'posts', article: null, updatedAt: '2026-01-02' },
      { id: 2, email: 'a.nna+x@gmail.com', scope: 'posts', article: null, updatedAt: '2026-01-03' },
      { id: 3, email: 'anna@gmail.com', scope: 'article', article: 7, updatedAt: '2026-01-01' },
      { id: 4, email: 'ANNA@gmail.com', scope: 'article', article: 7, updatedAt: '2025-12-01' },
    ])
    expect(plan.twins.sort()).toEqual([1, 4])
    expect(plan.keys).toEqual([
      { id: 2, targetKey: 'anna@gmail.com|posts|posts' },
      { id: 3, targetKey: 'anna@gmail.com|article|7' },
    ])
  })
})
