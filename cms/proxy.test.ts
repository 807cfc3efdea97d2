import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { FIRST_USER_SCREEN } from './access/firstUserScreen'
import { config, proxy } from './proxy'

const open = (headers: Record<string, string>) =>
  proxy(new NextRequest(`http://localhost:3000${FIRST_USER_SCREEN}`, { headers }))
// NextResponse.next(): the request goes on to the route.
const passes = (response: Response) => response.headers.get('x-middleware-next') === '1'

describe('the proxy of the create-first-user screen', () => {
  it('runs for that screen only', () => {
    expect(config.matcher).toEqual([FIRST_USER_SCREEN, `${FIRST_USER_SCREEN}/:path*`])
  })

  it('lets a request from this machine through to Payload', () => {
    expect(passes(open({ host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1' }))).toBe(true)
    expect(passes(open({ host: '[::1]:3000', 'x-forwarded-for': '::1' }))).toBe(true)
  })

  it('answers 403 to one from outside, also through a proxy or with a forged header before it', async () => {
    const outside: Record<string, string>[] = [
      { host: 'localhost:3000', 'x-forwarded-for': '203.0.113.7' },
      { host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1, 203.0.113.7' },
      { host: 'cms.example.de', 'x-forwarded-for': '127.0.0.1' },
      { host: 'localhost:3000' },
    ]
    for (const headers of outside) {
      const response = open(headers)
      expect(passes(response)).toBe(false)
      expect(response.status).toBe(403)
      expect(await response.text()).toContain('localhost')
    }
    const english = open({ host: 'cms.example.de', 'accept-language': 'en-GB,en' })
    expect(await english.text()).toContain('from the server itself')
  })
})
