import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  headerMatcher,
  headersFile,
  inlineHashes,
  nginxInclude,
  parseHeaderRules,
  parseHeadersFile,
  siteSecurityHeaders,
} from './siteHeaders'

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `))

describe('inlineHashes', () => {
  it('hashes inline scripts and styles byte for byte, the way browsers do', () => {
    // Known vector: the SHA-256 of the empty string.
    expect(inlineHashes('<script></script>').scripts).toEqual([
      "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    ])
    const page = `<html><head><style>a{color:red}</style></head><body>
<script>(()=>{ self.x = "</div>" })()</script>
<script type="module">import("/_astro/a.js")</SCRIPT >
</body></html>`
    expect(inlineHashes(page)).toEqual({
      scripts: [hash('(()=>{ self.x = "</div>" })()'), hash('import("/_astro/a.js")')],
      styles: [hash('a{color:red}')],
    })
  })

  it('skips script files and data blocks (JSON-LD is never executed, so CSP does not apply)', () => {
    const page = `<script src="/_astro/x.js"></script>
<script type="module" src="/_astro/y.js"></script>
<script type="application/ld+json">{"@type":"Article"}</script>
<script type='application/json'>{}</script>`
    expect(inlineHashes(page)).toEqual({ scripts: [], styles: [] })
  })
})

describe('siteSecurityHeaders', () => {
  const headers = siteSecurityHeaders({
    siteUrl: 'http://localhost:4321',
    cmsUrl: 'https://cms.example.de/',
    hashes: { scripts: [hash('b'), hash('a'), hash('b')], styles: [hash('s')] },
  })
  const csp = headers['Content-Security-Policy']!

  it('allows only the build’s own inline scripts and styles, never unsafe-inline', () => {
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(directive(csp, 'script-src')).toBe(
      `script-src 'self' ${[hash('a'), hash('b')].sort().join(' ')}`,
    )
    expect(directive(csp, 'style-src')).toBe(`style-src 'self' ${hash('s')}`)
    expect(directive(csp, 'default-src')).toBe("default-src 'self'")
    expect(directive(csp, 'object-src')).toBe("object-src 'none'")
  })

  it('lets the page talk to the CMS (island, preview, media, no-JS form) and nothing else', () => {
    for (const name of ['connect-src', 'img-src', 'form-action'])
      expect(directive(csp, name)).toBe(`${name} 'self' https://cms.example.de`)
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'")
  })

  it('sends nosniff, Referrer-Policy and Permissions-Policy, HSTS only for an https site', () => {
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    })
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/)
    expect(headers['Permissions-Policy']).toContain('browsing-topics=()')
    expect(headers['Strict-Transport-Security']).toBeUndefined()
    const https = siteSecurityHeaders({
      siteUrl: 'https://blog.example.de',
      cmsUrl: 'https://cms.example.de',
      hashes: { scripts: [], styles: [] },
    })
    expect(https['Strict-Transport-Security']).toBe('max-age=31536000')
  })

  it('writes the same set as _headers (read back unchanged) and as nginx add_header lines', () => {
    const file = headersFile(headers)
    expect(file.startsWith('/*\n')).toBe(true)
    expect(parseHeadersFile(file)).toEqual(headers)
    expect(parseHeadersFile(`/blog/*\n  X-Other: 1\n${file}`)).toEqual(headers)
    const nginx = nginxInclude(headers)
    for (const [name, value] of Object.entries(headers))
      expect(nginx).toContain(`add_header ${name} "${value}" always;\n`)
    expect(nginx.match(/^add_header /gm)).toHaveLength(Object.keys(headers).length)
  })
})

describe('per-path rules', () => {
  const rules = [
    { path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
    { path: '/', headers: { 'Cache-Control': 'no-cache' } },
  ]
  const file = headersFile({ 'X-Content-Type-Options': 'nosniff' }, rules)

  it('writes them after the /* block and reads every block back', () => {
    expect(file).toBe(
      '/*\n  X-Content-Type-Options: nosniff\n' +
        '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n/\n  Cache-Control: no-cache\n',
    )
    expect(parseHeaderRules(`# Kommentar\n${file}`)).toEqual([
      { path: '/*', headers: { 'X-Content-Type-Options': 'nosniff' } },
      ...rules,
    ])
    expect(parseHeadersFile(file)).toEqual({ 'X-Content-Type-Options': 'nosniff' })
  })

  it('applies every matching rule, joining a header named twice as Cloudflare Pages does', () => {
    const headersOf = headerMatcher(parseHeaderRules(file))
    expect(headersOf('/_astro/a.css')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'public, max-age=31536000, immutable',
    })
    expect(headersOf('/')['Cache-Control']).toBe('no-cache')
    expect(headersOf('/blog/')['Cache-Control']).toBeUndefined()
    expect(headersOf('/_astro.css')['Cache-Control']).toBeUndefined()
    const twice = headerMatcher([
      ...rules,
      { path: '/_astro/*', headers: { 'Cache-Control': 'x' } },
    ])
    expect(twice('/_astro/a.css')['Cache-Control']).toBe('public, max-age=31536000, immutable, x')
  })
})
