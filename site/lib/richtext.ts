import {
  convertLexicalToHTML,
  LinkHTMLConverter,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import escapeHtml from 'escape-html'
import { articlePath } from '../../contract'
import { CMS_URL } from './config'

type Upload = {
  url?: string | null
  alt?: string | null
  width?: number | null
  height?: number | null
}

/** Media URLs from the CMS are relative to it; the static site needs them absolute. */
export const absoluteMediaUrl = (url: string, base = CMS_URL) =>
  /^https?:\/\//.test(url) ? url : `${base}${url}`

const converters =
  (mediaBase: string): HTMLConvertersFunction =>
  ({ defaultConverters }) => ({
    ...defaultConverters,
    ...LinkHTMLConverter({
      internalDocToHref: ({ linkNode }) => {
        const doc = linkNode.fields.doc?.value
        return typeof doc === 'object' && doc && 'slug' in doc ? articlePath(String(doc.slug)) : '#'
      },
    }),
    upload: ({ node }) => {
      const doc = (node as { value?: Upload | string | number }).value
      if (!doc || typeof doc !== 'object' || !doc.url) return ''
      const size = doc.width && doc.height ? ` width="${doc.width}" height="${doc.height}"` : ''
      return `<figure><img src="${escapeHtml(absoluteMediaUrl(doc.url, mediaBase))}" alt="${escapeHtml(doc.alt ?? '')}"${size} loading="lazy" decoding="async"></figure>`
    },
  })

/** Renders an article body (Lexical JSON from the CMS) to HTML; the draft preview uses it too. */
export function renderRichText(body: unknown, mediaBase = CMS_URL): string {
  return convertLexicalToHTML({
    data: body as SerializedEditorState,
    converters: converters(mediaBase),
    disableContainer: true,
    disableIndent: true,
  })
}

/** Reading time in whole minutes at 200 words a minute (at least one). */
export function readingMinutes(body: unknown): number {
  const text = convertLexicalToPlaintext({ data: body as SerializedEditorState })
  const words = text.split(/\s+/).filter(Boolean).length
  return Math.max(1, Math.round(words / 200))
}
