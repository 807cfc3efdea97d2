import { afterEach, expect, it, vi } from 'vitest'
import { numberSetting } from './numberSetting'

afterEach(() => vi.unstubAllEnvs())

it('reads a number, falls back when unset or empty, and refuses what is not one', () => {
  vi.stubEnv('RESEND_RATE', ' 5 ')
  expect(numberSetting('RESEND_RATE', 2)).toBe(5)
  vi.stubEnv('RESEND_RATE', '')
  expect(numberSetting('RESEND_RATE', 2)).toBe(2)
  vi.stubEnv('RESEND_RATE', '2/s')
  expect(() => numberSetting('RESEND_RATE', 2)).toThrow(
    'RESEND_RATE: "2/s" is not a number of at least 0',
  )
  vi.stubEnv('RESEND_RATE', '0')
  expect(() => numberSetting('RESEND_RATE', 2, { min: 0.001 })).toThrow(/at least 0.001/)
})
