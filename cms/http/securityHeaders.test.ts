import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { trusted } from '../utilities/html'
import { htmlPage } from './htmlPage'
import { ADMIN_CSP, API_CSP, cmsSecurityHeaders, isApiPath } from './securityHeaders'

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64')

describe('cmsSecurityHeaders', () => {
  it('keeps the admin and the API out of frames, with nosniff and Referrer-Policy on both', () => {
    const { api, admin } = cmsSecurityHeaders('http://localhost:3000')
    for (const set of [api, admin]) {
      expect(set['Content-Security-Policy']).toContain("frame-ancestors 'none'")
      expect(set['X-Content-Type-Options']).toBe('nosniff')
      expect(set['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
      expect(set['Strict-Transport-Security']).toBeUndefined()
    }
    expect(api['Content-Security-Policy']).toBe(API_CSP)
    expect(API_CSP).toContain("default-src 'none'")
    expect(admin['Content-Security-Policy']).toBe(ADMIN_CSP)
    for (const rule of ["base-uri 'self'", "object-src 'none'", "form-action 'self'"])
      expect(ADMIN_CSP).toContain(rule)
  })

  it('adds HSTS only when CMS_URL is https', () => {
    const { api, admin } = cmsSecurityHeaders('https://cms.example.de')
    expect(api['Strict-Transport-Security']).toBe('max-age=31536000')
    expect(admin['Strict-Transport-Security']).toBe('max-age=31536000')
  })

  it('tells API paths from the admin’s', () => {
    for (const path of ['/api', '/api/articles?limit=1', '/api?x=1', '/api/public/form-token'])
      expect(isApiPath(path), path).toBe(true)
    for (const path of ['/admin', '/admin/api', '/apis', '/_next/static/x.js', '/'])
      expect(isApiPath(path), path).toBe(false)
  })
})

describe('htmlPage', () => {
  const site = process.env.SITE_URL
  afterEach(() => {
    if (site === undefined) delete process.env.SITE_URL
    else process.env.SITE_URL = site
  })

  it('allows exactly its own stylesheet, no script, forms to the CMS and the site', async () => {
    process.env.SITE_URL = 'https://blog.example.de/'
    const response = htmlPage({ status: 400, lang: 'de', title: 'T', body: trusted('<p>x</p>') })
    const csp = response.headers.get('content-security-policy') ?? ''
    const style = /<style>([\s\S]*?)<\/style>/.exec(await response.text())![1]!
    expect(csp).toContain(`style-src 'sha256-${sha256(style)}'`)
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('script-src')
    expect(csp).toContain("form-action 'self' https://blog.example.de;")
    expect(csp).toContain("frame-ancestors 'none'")
  })
})
