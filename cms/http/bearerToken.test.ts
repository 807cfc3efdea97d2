import { describe, expect, it } from 'vitest'
import { bearerToken } from './bearerToken'

const authorization = (value?: string) =>
  new Headers(value === undefined ? {} : { authorization: value })

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the case of the scheme and the spacing', () => {
    expect(bearerToken(authorization('Bearer abc-123_XYZ'))).toBe('abc-123_XYZ')
    expect(bearerToken(authorization('bearer abc'))).toBe('abc')
    expect(bearerToken(authorization('BEARER   abc'))).toBe('abc')
    expect(bearerToken(authorization('  Bearer abc  '))).toBe('abc')
  })

  it('finds none without a header, with an empty token or with another scheme', () => {
    for (const value of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'Token abc',
      'Bearerabc',
      'xBearer abc',
    ]) {
      expect(bearerToken(authorization(value)), String(value)).toBeUndefined()
    }
  })

  it('refuses a header with more than one token rather than guessing', () => {
    expect(bearerToken(authorization('Bearer abc def'))).toBeUndefined()
    expect(bearerToken(authorization('Bearer abc, Bearer def'))).toBeUndefined()
  })
})
