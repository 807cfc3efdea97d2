import { describe, expect, it } from 'vitest'
import { isLocalRequest } from './isLocalRequest'

const request = (headers: Record<string, string>) => isLocalRequest(new Headers(headers))

describe('isLocalRequest', () => {
  it('accepts loopback hosts and addresses', () => {
    expect(request({ host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1' })).toBe(true)
    expect(request({ host: '127.0.0.1:3000', 'x-forwarded-for': '::1' })).toBe(true)
    expect(request({ host: '[::1]:3000', 'x-forwarded-for': '::ffff:127.0.0.1' })).toBe(true)
  })

  it('refuses other hosts, other addresses and proxied outside requests', () => {
    expect(request({ host: 'cms.example.de', 'x-forwarded-for': '127.0.0.1' })).toBe(false)
    expect(request({ host: 'localhost:3000', 'x-forwarded-for': '203.0.113.7' })).toBe(false)
    expect(request({ host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1, 203.0.113.7' })).toBe(
      false,
    )
    expect(request({ host: 'localhost:3000' })).toBe(false)
    expect(request({ 'x-forwarded-for': '127.0.0.1' })).toBe(false)
  })
})
