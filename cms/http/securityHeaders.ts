import { createHash } from 'node:crypto'
import {
  baseSecurityHeaders,
  contentSecurityPolicy,
  originOf,
  type HeaderSet,
} from '../../contract'

/**
 * The CSPs of the CMS. The API answers JSON (and media files): nothing in it may load or run
 * anything, nor be framed. The admin (Next.js with inline scripts and styles of its own) keeps
 * its sources and gets what does not break it: no framing, no `<base>`, no plugins, forms only to
 * itself.
 */
export const API_CSP = contentSecurityPolicy({
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
})
export const ADMIN_CSP = contentSecurityPolicy({
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
})

/**
 * The headers the CMS server adds to every response that did not set them itself (the HTML pages
 * of `htmlPage.ts` set a stricter CSP): `/api/…` gets the API's CSP, everything else the admin's.
 */
export function cmsSecurityHeaders(cmsUrl: string): { api: HeaderSet; admin: HeaderSet } {
  const base = baseSecurityHeaders(cmsUrl)
  return {
    api: { ...base, 'Content-Security-Policy': API_CSP },
    admin: { ...base, 'Content-Security-Policy': ADMIN_CSP },
  }
}

/** `/api`, `/api/…`, `/api?…`: the REST API, its endpoints and media files. */
export const isApiPath = (url: string): boolean => /^\/api(\/|\?|$)/.test(url)

/** `'sha256-…'` of an inline script or style, as a CSP source. */
export const cspHash = (content: string): string =>
  `'sha256-${createHash('sha256').update(content).digest('base64')}'`

/**
 * The CSP of the CMS's own HTML pages: no script at all, only their one inline stylesheet, forms
 * only to the CMS; their answers redirect to the site (a 303 after a form counts as the form's
 * target), so the site's origin is allowed too.
 */
export function htmlPageCsp(style: string, siteUrl: string): string {
  return contentSecurityPolicy({
    'default-src': ["'none'"],
    'style-src': [cspHash(style)],
    'form-action': ["'self'", originOf(siteUrl)],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
  })
}
