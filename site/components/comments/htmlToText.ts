/**
 * The editable text of a comment whose source this page does not know (posted before a reload):
 * the API sends only rendered HTML, so paragraphs become blank-line-separated plain text.
 */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  for (const br of doc.querySelectorAll('br')) br.replaceWith('\n')
  const blocks = [...doc.body.children]
    .map((block) => block.textContent?.trim() ?? '')
    .filter(Boolean)
  return blocks.length ? blocks.join('\n\n') : (doc.body.textContent?.trim() ?? '')
}
