import type { Locale } from '../../../contract'
import { html } from '../../utilities/html'

export type Rendered = { subject: string; text: string; html: string }

export type EmailContent = {
  locale: Locale
  subject: string
  greeting: string
  paragraphs: string[]
  /** A quoted comment, shown as a block quote. */
  quote?: string
  action: { label: string; url: string }
  /** Small print under the action, e.g. why the reader gets this and how to stop it. */
  footer: string[]
  unsubscribe?: { label: string; url: string }
}

/** One layout for every email: a plain-text part and a simple, accessible HTML part saying the same. */
export function renderEmail(c: EmailContent): Rendered {
  const text = [
    c.greeting,
    '',
    ...c.paragraphs.flatMap((p) => [p, '']),
    ...(c.quote
      ? [
          c.quote
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n'),
          '',
        ]
      : []),
    `${c.action.label}: ${c.action.url}`,
    '',
    '-- ',
    ...c.footer,
    ...(c.unsubscribe ? [`${c.unsubscribe.label}: ${c.unsubscribe.url}`] : []),
  ].join('\n')

  const body = html`<!doctype html><html lang="${c.locale}"><head><meta charset="utf-8"><title>${c.subject}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b2631;max-width:36rem;margin:0 auto;padding:1rem">
<p>${c.greeting}</p>
${c.paragraphs.map((p) => html`<p>${p}</p>\n`)}${
    c.quote
      ? html`<blockquote style="border-left:4px solid #0b5c8a;margin:1rem 0;padding:0.5rem 1rem;background:#f2f6f9">${c.quote.split('\n').map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</blockquote>`
      : ''
  }
<p><a href="${c.action.url}" style="color:#0b5c8a">${c.action.label}</a></p>
<hr style="border:0;border-top:1px solid #dde3e8">
<p style="font-size:0.85rem;color:#5b6670">${c.footer.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}${
    c.unsubscribe
      ? html`<br><a href="${c.unsubscribe.url}" style="color:#5b6670">${c.unsubscribe.label}</a>`
      : ''
  }</p>
</body></html>`
  return { subject: c.subject, text, html: body.toString() }
}
