import { describe, expect, it } from 'vitest'
import { editWindowOpen } from './editToken'

const createdAt = '2026-11-27T10:00:00.000Z'
const at = (time: string) => Date.parse(time)

describe('editWindowOpen', () => {
  it('lets the author edit for 15 minutes, up to and including the last millisecond', () => {
    expect(editWindowOpen({ createdAt }, at('2026-11-27T10:00:00.000Z'))).toBe(true)
    expect(editWindowOpen({ createdAt }, at('2026-11-27T10:14:59.999Z'))).toBe(true)
    expect(editWindowOpen({ createdAt }, at('2026-11-27T10:15:00.000Z'))).toBe(true)
  })

  it('closes after 15 minutes', () => {
    expect(editWindowOpen({ createdAt }, at('2026-11-27T10:15:00.001Z'))).toBe(false)
    expect(editWindowOpen({ createdAt }, at('2026-11-28T10:00:00.000Z'))).toBe(false)
  })

  it('uses the current time by default', () => {
    expect(editWindowOpen({ createdAt: new Date().toISOString() })).toBe(true)
    expect(editWindowOpen({ createdAt: new Date(Date.now() - 16 * 60_000).toISOString() })).toBe(
      false,
    )
  })

  it('stays closed for a comment without a readable creation time', () => {
    expect(editWindowOpen({ createdAt: 'gestern' }, at('2026-11-27T10:01:00.000Z'))).toBe(false)
    expect(editWindowOpen({ createdAt: '' }, at('2026-11-27T10:01:00.000Z'))).toBe(false)
  })
})
