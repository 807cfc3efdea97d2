import MarkdownIt from 'markdown-it'

/**
 * The one renderer of comment text, used by the API and therefore by the static page too.
 * A safe Markdown subset: paragraphs, line breaks, emphasis, inline code, quotes and auto-linked
 * URLs. Raw HTML is escaped; written links ([text](url)) stay text, so a link is always visible.
 */
const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'blockquote',
  'newline',
  'emphasis',
  'backticks',
  'escape',
  'linkify',
])

md.linkify.set({ fuzzyLink: false, fuzzyEmail: false })

md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index]!.attrSet('rel', 'nofollow ugc noopener')
  return self.renderToken(tokens, index, options)
}

/** Raise when the output changes: comments stored with an older version are rendered again. */
export const RENDERER_VERSION = 1

export function renderCommentHtml(body: string): string {
  return md.render(body).trim()
}
