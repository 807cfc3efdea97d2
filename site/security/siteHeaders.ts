import { createHash } from 'node:crypto'
import {
  baseSecurityHeaders,
  contentSecurityPolicy,
  originOf,
  type HeaderSet,
} from '../../contract'

/**
 * The static site's security headers, one set for every file of a build: written by the build
 * for static hosts (`_headers`, `nginx-headers.conf`) and read back from there by the local static
 * server (scripts/lib/staticServer.ts), so both send the same.
 */
export const HEADERS_FILE = '_headers'
export const NGINX_INCLUDE = 'nginx-headers.conf'

/** CSP hashes (`'sha256-…'`) of a build's inline scripts and styles. */
export type InlineHashes = { scripts: string[]; styles: string[] }

const sha256Source = (content: string) =>
  `'sha256-${createHash('sha256').update(content).digest('base64')}'`

// Astro writes the markup, so a regex over it suffices; `</script` ends a script as in the parser.
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi
// Data blocks (JSON-LD, island props) are never executed, so CSP does not apply to them.
const DATA_BLOCK = /\btype\s*=\s*["']?[^"'\s>]*json["'\s>]/i

/** Hashes of the inline scripts (island loader, client directives) and styles of one page. */
export function inlineHashes(html: string): InlineHashes {
  const scripts = [...html.matchAll(INLINE_SCRIPT)]
    .filter(
      ([, attributes = '']) => !/\bsrc\s*=/i.test(attributes) && !DATA_BLOCK.test(`${attributes}>`),
    )
    .map(([, , body = '']) => sha256Source(body))
  const styles = [...html.matchAll(INLINE_STYLE)].map(([, body = '']) => sha256Source(body))
  return { scripts, styles }
}

/**
 * No inline script or style but the build's own (no `unsafe-inline`), nothing framed, fetches and
 * images only from the site and the CMS (the comment island, the preview, media), forms to the CMS.
 */
export function siteSecurityHeaders(args: {
  siteUrl: string
  cmsUrl: string
  hashes: InlineHashes
}): HeaderSet {
  const cms = originOf(args.cmsUrl)
  return {
    'Content-Security-Policy': contentSecurityPolicy({
      'default-src': ["'self'"],
      'script-src': ["'self'", ...[...new Set(args.hashes.scripts)].sort()],
      'style-src': ["'self'", ...[...new Set(args.hashes.styles)].sort()],
      'img-src': ["'self'", cms],
      'connect-src': ["'self'", cms],
      'form-action': ["'self'", cms],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
      'object-src': ["'none'"],
    }),
    ...baseSecurityHeaders(args.siteUrl),
  }
}

/** One block of a `_headers` file: a path pattern (`*` matches anything) and its headers. */
export type HeaderRule = { path: string; headers: HeaderSet }

const block = ({ path, headers }: HeaderRule) =>
  `${path}\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join('')}`

/** Netlify's and Cloudflare Pages' `_headers`: every path (`/*`) gets the set, then further rules. */
export const headersFile = (headers: HeaderSet, rules: HeaderRule[] = []): string =>
  [{ path: '/*', headers }, ...rules].map(block).join('')

/** Every block of a `_headers` file, in order. */
export function parseHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} })
    else if (rules.length > 0 && line.includes(':')) {
      const at = line.indexOf(':')
      rules.at(-1)!.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim()
    }
  }
  return rules
}

/** The headers of a `_headers` file's `/*` block: what every answer carries. */
export const parseHeadersFile = (text: string): HeaderSet =>
  Object.assign(
    {},
    ...parseHeaderRules(text)
      .filter((rule) => rule.path === '/*')
      .map((r) => r.headers),
  )

/** A `_headers` path pattern as a regex over the request path (`*` is a splat, as on the hosts). */
export const headerPathPattern = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  )

/**
 * The headers of every rule matching a path, as Cloudflare Pages applies them: a header named by
 * several matching rules gets their values joined by ", " (so the policy never names one twice).
 */
export function headerMatcher(rules: HeaderRule[]): (pathname: string) => HeaderSet {
  const compiled = rules.map((rule) => ({ pattern: headerPathPattern(rule.path), ...rule }))
  return (pathname) => {
    const headers: HeaderSet = {}
    for (const rule of compiled)
      if (rule.pattern.test(pathname))
        for (const [name, value] of Object.entries(rule.headers))
          headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`
    return headers
  }
}

/** An nginx include for the site's `server` (or `location`) block. */
export const nginxInclude = (headers: HeaderSet): string =>
  `# Security headers of this build (Leuchtturm). In the site's server block: include ${NGINX_INCLUDE};\n` +
  `# nginx drops inherited add_header lines in a location that has its own: include it there too.\n` +
  Object.entries(headers)
    .map(([name, value]) => `add_header ${name} "${value}" always;\n`)
    .join('')
