import { expect, it } from 'vitest'
import { relationId } from './relationId'

it('unwraps populated and bare relationship values alike', () => {
  expect(relationId({ id: 7 })).toBe(7)
  expect(relationId('a1')).toBe('a1')
  expect(relationId(null)).toBeNull()
  expect(relationId(undefined)).toBeNull()
})
