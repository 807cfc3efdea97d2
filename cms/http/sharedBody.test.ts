import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { acceptsGzip, sharedBody, sharedBodyResponse } from './sharedBody'

const headers = (acceptEncoding?: string) =>
  new Headers(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding })

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.5', true],
    ['*', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['br, gzip;q=0.0', false],
    ['identity', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(headers(header))).toBe(expected)
  })
  it('is false without the header', () => expect(acceptsGzip(headers())).toBe(false))
})

describe('sharedBodyResponse', () => {
  const text = JSON.stringify({ comments: [{ body: 'Grüße an alle – 👋' }] })

  it('serves the exact UTF-8 text to a client without gzip, and says it varies', async () => {
    const response = sharedBodyResponse(sharedBody(text), headers(), { etag: '"x"' })
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    expect(response.headers.get('etag')).toBe('"x"')
    expect(await response.text()).toBe(text)
  })

  it('serves gzip that inflates to the same text, compressed once for every later reader', async () => {
    const body = sharedBody(text)
    const first = sharedBodyResponse(body, headers('gzip'), {})
    expect(first.headers.get('content-encoding')).toBe('gzip')
    const zipped = body.gzip
    expect(gunzipSync(Buffer.from(await first.arrayBuffer())).toString()).toBe(text)
    sharedBodyResponse(body, headers('gzip'), {})
    expect(body.gzip).toBe(zipped)
  })
})
