import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { clientHash } from './clientHash'

beforeEach(() => vi.stubEnv('PAYLOAD_SECRET', 'geheimnis-für-adressen'))
afterEach(() => vi.unstubAllEnvs())

it('hashes the client address with the secret: stable, not the address, not a plain SHA-256', () => {
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.5' })
  const hash = clientHash(headers)
  expect(hash).toMatch(/^[0-9a-f]{64}$/)
  expect(hash).not.toContain('203.0.113.5')
  expect(clientHash(headers)).toBe(hash)
  vi.stubEnv('PAYLOAD_SECRET', 'anderes-geheimnis')
  expect(clientHash(headers)).not.toBe(hash)
})

it('tells two clients apart, and ignores a forged forwarded address without TRUST_PROXY', () => {
  vi.stubEnv('TRUST_PROXY', '1')
  const a = clientHash(new Headers({ 'x-forwarded-for': '203.0.113.5, 127.0.0.1' }))
  expect(clientHash(new Headers({ 'x-forwarded-for': '198.51.100.2, 127.0.0.1' }))).not.toBe(a)
  vi.stubEnv('TRUST_PROXY', '0')
  expect(clientHash(new Headers({ 'x-forwarded-for': '203.0.113.5, 127.0.0.1' }))).toBe(
    clientHash(new Headers({ 'x-forwarded-for': '198.51.100.2, 127.0.0.1' })),
  )
})
