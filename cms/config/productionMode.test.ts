import { describe, expect, it } from 'vitest'
import { isHttps, productionMode } from './productionMode'

describe('productionMode', () => {
  it('is off for a fresh clone: no NODE_ENV, no CMS_URL, or CMS_URL on http://localhost', () => {
    expect(productionMode({})).toBe(false)
    expect(productionMode({ CMS_URL: 'http://localhost:3000' })).toBe(false)
    expect(productionMode({ NODE_ENV: 'development', CMS_URL: 'http://cms.intern:3000' })).toBe(
      false,
    )
  })

  it('is on with NODE_ENV=production or a CMS_URL on https', () => {
    expect(productionMode({ NODE_ENV: 'production' })).toBe(true)
    expect(productionMode({ CMS_URL: 'https://cms.example.org' })).toBe(true)
    expect(productionMode({ CMS_URL: ' HTTPS://cms.example.org/' })).toBe(true)
    expect(productionMode({ NODE_ENV: 'development', CMS_URL: 'https://cms.example.org' })).toBe(
      true,
    )
  })

  it('tells https from anything else', () => {
    expect(isHttps('https://a.example')).toBe(true)
    for (const url of [undefined, '', 'http://a.example', 'httpsx://a', 'ftp://https://a'])
      expect(isHttps(url), String(url)).toBe(false)
  })
})
