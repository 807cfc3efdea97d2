import type { Locale } from '../../contract'
import { siteUrl } from '../config/urls'
import { html, trusted, type SafeHtml } from '../utilities/html'
import { htmlPageCsp } from './securityHeaders'

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}input:not([type=checkbox]),textarea,select{width:100%;font:inherit}button{font:inherit;padding:.5rem 1rem}.errors{color:#a40000}'

/**
 * Every HTML page the CMS answers with (form errors, unsubscribe): one frame, one stylesheet, never
 * cached, under a CSP that allows that stylesheet and nothing else to load or run.
 */
export function htmlPage(args: {
  status: number
  lang: Locale
  title: string
  body: SafeHtml
}): Response {
  const page = html`<!doctype html>
<html lang="${args.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${args.title}</title>
<style>${trusted(STYLE)}</style></head>
<body><main>
<h1>${args.title}</h1>
${args.body}
</main></body></html>`
  return new Response(page.toString(), {
    status: args.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': htmlPageCsp(STYLE, siteUrl()),
    },
  })
}
