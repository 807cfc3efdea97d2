import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { corsHeaders, corsKind, preflight, withCors } from './cors'

const SITE = 'https://blog.example.org'
const CMS = 'https://cms.example.org'

beforeEach(() => {
  vi.stubEnv('SITE_URL', `${SITE}/`)
  vi.stubEnv('CMS_URL', CMS)
})
afterEach(() => vi.unstubAllEnvs())

describe('corsKind', () => {
  it('tells public endpoints, the preview read and the rest apart', () => {
    expect(corsKind('POST', '/api/public/comments/1/reactions')).toBe('public')
    expect(corsKind('GET', '/api/public/share/a/linkedin')).toBe('public')
    expect(corsKind('GET', '/api/articles/42')).toBe('preview')
    expect(corsKind('HEAD', '/api/articles/65f1c2a9e4b0c3d2a1f00042')).toBe('preview')
    for (const [method, path] of [
      ['PATCH', '/api/articles/42'],
      ['GET', '/api/articles'],
      ['GET', '/api/articles/42/versions'],
      ['GET', '/api/users/me'],
      ['GET', '/api/publicity'],
      ['GET', '/api/media'],
    ])
      expect(corsKind(method!, path!), `${method} ${path}`).toBe('none')
  })
})

describe('corsHeaders', () => {
  it('never gives credentials to public endpoints, and allows only the site', () => {
    expect(corsHeaders('public', SITE)).toMatchObject({ 'Access-Control-Allow-Origin': SITE })
    expect(corsHeaders('public', SITE)).not.toHaveProperty('Access-Control-Allow-Credentials')
    expect(corsHeaders('public', 'https://evil.example')).not.toHaveProperty(
      'Access-Control-Allow-Origin',
    )
    expect(corsHeaders('preview', SITE)).toMatchObject({
      'Access-Control-Allow-Origin': SITE,
      'Access-Control-Allow-Credentials': 'true',
    })
    expect(corsHeaders('preview', 'https://evil.example')).toEqual({ Vary: 'Origin' })
    expect(corsHeaders('none', SITE)).toEqual({})
  })
})

describe('preflight', () => {
  const ask = (path: string, method: string, origin = SITE) =>
    preflight(
      new Request(`${CMS}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': method },
      }),
    )

  it('answers by the requested method: a preview read yes, a write to the same path no', () => {
    expect(ask('/api/articles/42', 'GET').headers.get('access-control-allow-credentials')).toBe(
      'true',
    )
    expect(ask('/api/articles/42', 'PATCH').headers.get('access-control-allow-origin')).toBeNull()
    const island = ask('/api/public/comments/1', 'DELETE')
    expect(island.status).toBe(204)
    expect(island.headers.get('access-control-allow-methods')).toContain('DELETE')
    expect(island.headers.get('access-control-allow-credentials')).toBeNull()
  })
})

describe('withCors', () => {
  const payloadLike = async () =>
    new Response('{}', {
      headers: {
        'access-control-allow-origin': SITE,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'PUT, PATCH, POST, GET, DELETE, OPTIONS',
      },
    })

  it("replaces Payload's own CORS headers with the policy's", async () => {
    const handler = withCors(payloadLike)
    const other = await handler(new Request(`${CMS}/api/users/me`, { headers: { origin: SITE } }))
    expect([...other.headers.keys()].filter((n) => n.startsWith('access-control-'))).toEqual([])
    const island = await handler(
      new Request(`${CMS}/api/public/form-token`, { headers: { origin: SITE } }),
    )
    expect(island.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(island.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('refuses a write from the site to the private API without calling the handler', async () => {
    const handler = vi.fn(payloadLike)
    const response = await withCors(handler)(
      new Request(`${CMS}/api/articles`, { method: 'POST', headers: { origin: SITE } }),
    )
    expect(response.status).toBe(403)
    expect(handler).not.toHaveBeenCalled()
  })
})
