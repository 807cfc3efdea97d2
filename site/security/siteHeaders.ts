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

/** Netlify's and Cloudflare Pages' `_headers`: every path gets the set. */
export const headersFile = (headers: HeaderSet): string =>
  `/*\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join('')}`

/** The headers of a `_headers` file written by `headersFile` (its `/*` block). */
export function parseHeadersFile(text: string): HeaderSet {
  const headers: HeaderSet = {}
  let inBlock = false
  for (const line of text.split('\n')) {
    if (!/^\s/.test(line)) inBlock = line.trim() === '/*'
    else if (inBlock && line.includes(':')) {
      const at = line.indexOf(':')
      headers[line.slice(0, at).trim()] = line.slice(at + 1).trim()
    }
  }
  return headers
}

/** An nginx include for the site's `server` (or `location`) block. */
export const nginxInclude = (headers: HeaderSet): string =>
  `# Security headers of this build (Leuchtturm). In the site's server block: include ${NGINX_INCLUDE};\n` +
  `# nginx drops inherited add_header lines in a location that has its own: include it there too.\n` +
  Object.entries(headers)
    .map(([name, value]) => `add_header ${name} "${value}" always;\n`)
    .join('')
