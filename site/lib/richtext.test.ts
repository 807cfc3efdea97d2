import { describe, expect, it } from 'vitest'
import { readingMinutes, renderRichText } from './richtext'

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const node = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  version: 1,
  format: '',
  indent: 0,
  direction: null,
  ...extra,
})
const doc = (...children: unknown[]) => ({ root: node('root', children) })

describe('renderRichText', () => {
  it('renders headings, paragraphs with emphasis, lists and quotes', () => {
    const html = renderRichText(
      doc(
        node('heading', [text('Worum geht’s?')], { tag: 'h2' }),
        node('paragraph', [text('Offenheit ', 0), text('und', 1), text(' Vertrauen', 2)]),
        node(
          'list',
          [
            node('listitem', [text('eins')], { value: 1 }),
            node('listitem', [text('zwei')], { value: 2 }),
          ],
          { listType: 'bullet', tag: 'ul' },
        ),
        node('quote', [text('Zitat')]),
      ),
    )
    expect(html).toContain('<h2>Worum geht’s?</h2>')
    expect(html).toContain('<p>Offenheit <strong>und</strong><em> Vertrauen</em></p>')
    expect(html).toMatch(/<ul[^>]*>\s*<li[^>]*>eins<\/li>\s*<li[^>]*>zwei<\/li>\s*<\/ul>/)
    expect(html).toContain('<blockquote>Zitat</blockquote>')
  })

  it('renders links safely and escapes text', () => {
    const html = renderRichText(
      doc(
        node('paragraph', [
          node('link', [text('Quelle')], {
            fields: { linkType: 'custom', url: 'https://example.com/a?b=1&c=2', newTab: false },
          }),
          text(' <script>alert(1)</script>'),
          node('link', [text('böse')], {
            fields: { linkType: 'custom', url: 'javascript:alert(1)', newTab: false },
          }),
        ]),
      ),
    )
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2">Quelle</a>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('javascript:')
  })

  it('renders uploaded images with an absolute URL from the CMS', () => {
    const html = renderRichText(
      doc(
        node('upload', [], {
          relationTo: 'media',
          value: { url: '/api/media/file/a.png', alt: 'Ein Bild', width: 800, height: 600 },
        }),
      ),
    )
    expect(html).toContain(
      '<img src="http://localhost:3000/api/media/file/a.png" alt="Ein Bild" width="800" height="600"',
    )
  })
})

describe('readingMinutes', () => {
  it('counts 200 words a minute, at least one', () => {
    expect(readingMinutes(doc(node('paragraph', [text('kurz')])))).toBe(1)
    expect(readingMinutes(doc(node('paragraph', [text(Array(1000).fill('Wort').join(' '))])))).toBe(
      5,
    )
  })
})
