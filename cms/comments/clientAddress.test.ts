import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { clientAddress, clientHash } from './clientAddress'

beforeEach(() => vi.stubEnv('PAYLOAD_SECRET', 'geheimnis-für-adressen'))
afterEach(() => vi.unstubAllEnvs())

it('takes the last hop of X-Forwarded-For, else X-Real-IP, else nothing', () => {
  expect(clientAddress(new Headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.5' }))).toBe(
    '203.0.113.5',
  )
  expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.1' }))).toBe('198.51.100.1')
  expect(clientAddress(new Headers())).toBeNull()
  expect(clientHash(new Headers())).toBeNull()
})

it('hashes the address with the secret: stable, not the address, not a plain SHA-256', () => {
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.5' })
  const hash = clientHash(headers)
  expect(hash).toMatch(/^[0-9a-f]{64}$/)
  expect(clientHash(headers)).toBe(hash)
  vi.stubEnv('PAYLOAD_SECRET', 'anderes-geheimnis')
  expect(clientHash(headers)).not.toBe(hash)
})
