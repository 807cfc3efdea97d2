/**
 * The security headers both servers send (the CMS and the static site), built here once. Each side
 * adds its own Content-Security-Policy (cms/http/securityHeaders.ts, site/security/siteHeaders.ts).
 */
export type HeaderSet = Record<string, string>

/** Features no page of ours uses, denied to every frame. Only names Chromium knows: an unknown one logs a console error. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'

/** nosniff, Referrer-Policy, Permissions-Policy, and HSTS (one year) when `publicUrl` is https. */
export function baseSecurityHeaders(publicUrl: string): HeaderSet {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(publicUrl.startsWith('https:') ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  }
}

/** `{ 'default-src': ["'self'"] }` → `default-src 'self'`; directives without sources are left out. */
export function contentSecurityPolicy(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .filter(([, sources]) => sources.length > 0)
    .map(([name, sources]) => [name, ...new Set(sources)].join(' '))
    .join('; ')
}

/** The origin of a URL (`https://cms.example.com`), as CSP source lists name it. */
export const originOf = (url: string): string => new URL(url).origin
