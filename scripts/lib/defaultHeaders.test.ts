import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addHeadersOnWrite } from './defaultHeaders'

const DEFAULTS = {
  'Content-Security-Policy': "default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
}
let server: http.Server
let url: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    addHeadersOnWrite(res, DEFAULTS)
    if (req.url === '/own-set') res.setHeader('content-security-policy', "style-src 'self'")
    if (req.url === '/own-writehead')
      return res.writeHead(200, { 'Content-Security-Policy': 'img-src *' }).end('x')
    if (req.url === '/own-list')
      return res.writeHead(200, 'OK', ['content-security-policy', 'img-src *']).end('x')
    res.end('x')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

describe('addHeadersOnWrite', () => {
  it('adds every header to a response that set none', async () => {
    const response = await fetch(`${url}/`)
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('keeps a header the handler set, however it set it, and sends it once', async () => {
    for (const [path, csp] of [
      ['/own-set', "style-src 'self'"],
      ['/own-writehead', 'img-src *'],
      ['/own-list', 'img-src *'],
    ]) {
      const response = await fetch(`${url}${path}`)
      expect(response.headers.get('content-security-policy'), path).toBe(csp)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
  })
})
