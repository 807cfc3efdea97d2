import { z } from 'astro/zod'

/**
 * Old URLs (slug changes, cms/collections/Redirects.ts) as the build writes them for every kind of
 * host: `_redirects` (Netlify, Cloudflare Pages, and the local static server), an nginx map, and a
 * meta-refresh page at each old path for hosts that read neither.
 */
export type Redirect = { from: string; to: string }

export const REDIRECTS_FILE = '_redirects'

// What may appear unquoted in the files below: no whitespace, quotes, `;`, `{}`, `$` or `\`
// (an nginx config and a line-based file must not be broken open by an editor's entry).
const SAFE_PATH = /^\/[\w\-.~%/@:+,!*()=&]*$/
const SAFE_URL = /^https?:\/\/[\w\-.~%/@:+,!*()=&?#]+$/
// `..` would also write the fallback page outside the build.
const isPlainPath = (path: string) =>
  SAFE_PATH.test(path) && !path.split('/').some((segment) => segment === '..' || segment === '.')

const cmsRedirects = z.object({
  docs: z.array(z.object({ from: z.string(), to: z.string() })),
})

/** GET the CMS's redirects; a CMS that cannot answer or answers something else fails the build. */
export async function fetchRedirects(cmsUrl: string): Promise<Redirect[]> {
  const url = `${cmsUrl}/api/redirects?pagination=false&depth=0`
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } })
  } catch (error) {
    throw new Error(`CMS not reachable at ${cmsUrl} (${(error as Error).message}). Start it first`)
  }
  if (!response.ok) throw new Error(`CMS answered ${response.status} for ${url}`)
  const parsed = cmsRedirects.safeParse(await response.json().catch(() => undefined))
  if (!parsed.success) throw new Error(`CMS answered unreadable redirects for ${url}`)
  return parsed.data.docs
}

/** `/blog/alt` and `/blog/alt/` are one page (directory build): the form with the slash. */
export const pagePath = (path: string): string =>
  path.endsWith('/') || /\.[^/]*$/.test(path) ? path : `${path}/`

/** Both spellings a reader may type for a path. */
export const spellings = (path: string): string[] =>
  path.length > 1 && path.endsWith('/') ? [path, path.slice(0, -1)] : [path]

/**
 * What the build writes: entries that fit the files (others are returned as `skipped`), none from a
 * path the build has a page at (an article took the old slug again), chains flattened (a→b, b→c
 * gives a→c and b→c), loops dropped.
 */
export function planRedirects(
  entries: Redirect[],
  isPage: (path: string) => boolean,
): { redirects: Redirect[]; skipped: Redirect[] } {
  const skipped: Redirect[] = []
  const next = new Map<string, string>()
  for (const entry of entries) {
    const from = pagePath(entry.from.trim())
    const to = entry.to.trim()
    if (!isPlainPath(from) || !(isPlainPath(to) || SAFE_URL.test(to))) skipped.push(entry)
    else if (!isPage(from)) next.set(from, to.startsWith('/') ? pagePath(to) : to)
  }
  const redirects: Redirect[] = []
  for (const from of [...next.keys()].sort()) {
    const seen = new Set([from])
    let to = next.get(from)!
    while (next.has(to) && !seen.has(to)) {
      seen.add(to)
      to = next.get(to)!
    }
    if (!seen.has(to)) redirects.push({ from, to })
  }
  return { redirects, skipped }
}

/** Netlify's and Cloudflare Pages' `_redirects`; both match either spelling of a slash-ended path. */
export const redirectsFile = (redirects: Redirect[]): string =>
  redirects.map(({ from, to }) => `${from} ${to} 301\n`).join('')

/** The 301s of a `_redirects` file (other lines and statuses are ignored). */
export function parseRedirectsFile(text: string): Redirect[] {
  const redirects: Redirect[] = []
  for (const line of text.split('\n')) {
    const [from, to, status = '302', ...rest] = line.trim().split(/\s+/)
    if (from?.startsWith('/') && to && status === '301' && rest.length === 0)
      redirects.push({ from, to })
  }
  return redirects
}

/** Old path (either spelling) → target, for a server answering 301s. */
export function redirectLookup(redirects: Redirect[]): Map<string, string> {
  const lookup = new Map<string, string>()
  for (const { from, to } of redirects) for (const path of spellings(from)) lookup.set(path, to)
  return lookup
}

/** The `map` of old paths for nginx's http block (both spellings: nginx matches `$uri` exactly). */
export const nginxRedirectMap = (redirects: Redirect[]): string =>
  `map $uri $leuchtturm_redirect {\n  default "";\n${redirects
    .flatMap(({ from, to }) => spellings(from).map((path) => `  "${path}" "${to}";\n`))
    .join('')}}\n`

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/** Marks the pages below, so a later step never takes one for a real page. */
export const REDIRECT_PAGE_MARK = '<meta name="generator" content="leuchtturm-redirect">'

/** The page at an old path for hosts without server redirects (as Astro's own redirect pages). */
export function redirectPage(to: string, siteUrl: string): string {
  const target = escapeHtml(to)
  const canonical = escapeHtml(new URL(to, siteUrl || 'http://localhost').href)
  return `<!doctype html>
<html lang="de">
<title>Weitergeleitet: ${target}</title>
<meta http-equiv="refresh" content="0;url=${target}">
<meta name="robots" content="noindex">
${REDIRECT_PAGE_MARK}
<link rel="canonical" href="${canonical}">
<body><a href="${target}">Diese Seite ist umgezogen: ${target}</a></body>
`
}
