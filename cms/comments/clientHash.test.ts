import { afterEach, expect, it, vi } from 'vitest'
import { clientHash } from './clientHash'

afterEach(() => vi.unstubAllEnvs())

it('hashes the client address with the key: stable, not the address, another key another hash', () => {
  vi.stubEnv('TRUST_PROXY', '1')
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.5' })
  const hash = clientHash(headers, 'schlüssel-des-tages')
  expect(hash).toMatch(/^[0-9a-f]{64}$/)
  expect(hash).not.toContain('203.0.113.5')
  expect(clientHash(headers, 'schlüssel-des-tages')).toBe(hash)
  expect(clientHash(headers, 'schlüssel-von-morgen')).not.toBe(hash)
})

it('tells two clients apart, and ignores a forged forwarded address without TRUST_PROXY', () => {
  vi.stubEnv('TRUST_PROXY', '1')
  const key = 'k'
  const a = clientHash(new Headers({ 'x-forwarded-for': '203.0.113.5, 127.0.0.1' }), key)
  expect(clientHash(new Headers({ 'x-forwarded-for': '198.51.100.2, 127.0.0.1' }), key)).not.toBe(a)
  vi.stubEnv('TRUST_PROXY', '0')
  expect(clientHash(new Headers({ 'x-forwarded-for': '203.0.113.5, 127.0.0.1' }), key)).toBe(
    clientHash(new Headers({ 'x-forwarded-for': '198.51.100.2, 127.0.0.1' }), key),
  )
})
