import { afterEach, describe, expect, it } from 'vitest'
import { appendForwardedFor, clientAddress } from './clientAddress'

const from = (forwardedFor?: string) =>
  new Headers(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor })

afterEach(() => {
  delete process.env.TRUST_PROXY
})

describe('the client address', () => {
  it('is the peer the server appended, whatever the client wrote, without TRUST_PROXY', () => {
    expect(clientAddress(from('127.0.0.1'))).toBe('127.0.0.1')
    expect(clientAddress(from('6.6.6.6, 127.0.0.1'))).toBe('127.0.0.1')
    expect(clientAddress(from('::ffff:192.0.2.1'))).toBe('192.0.2.1')
    expect(clientAddress(from())).toBe('unknown')
  })

  it('is the address that many hops from the right with TRUST_PROXY', () => {
    process.env.TRUST_PROXY = '1'
    expect(clientAddress(from('6.6.6.6, 203.0.113.7, 10.0.0.1'))).toBe('203.0.113.7')
    process.env.TRUST_PROXY = '2'
    expect(clientAddress(from('6.6.6.6, 203.0.113.7, 10.0.0.2, 10.0.0.1'))).toBe('203.0.113.7')
    // Fewer entries than trusted hops: the farthest one there is.
    expect(clientAddress(from('10.0.0.1'))).toBe('10.0.0.1')
  })

  it('is appended like a proxy does', () => {
    expect(appendForwardedFor(undefined, '127.0.0.1')).toBe('127.0.0.1')
    expect(appendForwardedFor('1.2.3.4', '127.0.0.1')).toBe('1.2.3.4, 127.0.0.1')
  })
})
