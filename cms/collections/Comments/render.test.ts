import { describe, expect, it } from 'vitest'
import { renderCommentHtml } from './render'

/** Every link in the output: its target, its visible text and its rel. */
const links = (html: string) =>
  [...html.matchAll(/<a\b([^>]*)>(.*?)<\/a>/g)].map(([, attributes = '', text]) => ({
    href: /href="([^"]*)"/.exec(attributes)?.[1],
    rel: /rel="([^"]*)"/.exec(attributes)?.[1],
    text,
  }))

describe('renderCommentHtml: safety', () => {
  it('shows raw HTML as text instead of running it', () => {
    const script = renderCommentHtml('<script>alert(1)</script>')
    expect(script).not.toContain('<script')
    expect(script).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')

    const image = renderCommentHtml('Schaut mal <img src=x onerror="alert(1)"> hier')
    expect(image).not.toMatch(/<img/i)
    expect(image).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')

    // A written anchor stays text; only its bare URL may become a link, showing itself.
    const anchor = renderCommentHtml('<a href="https://example.com">Angebot</a>')
    expect(anchor).toContain('&lt;a href=')
    expect(links(anchor).map((link) => link.text)).toEqual(['https://example.com'])
  })

  it('leaves written Markdown links as text, so no link hides where it goes', () => {
    const html = renderCommentHtml('Hier [gibt es Rabatt](https://evil.example/phish) für alle')
    expect(html).toContain('[gibt es Rabatt]')
    for (const link of links(html)) expect(link.text).toBe(link.href)
  })

  it('never turns javascript: into a link, however it is written', () => {
    for (const body of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '[klick](javascript:alert(1))',
      '<javascript:alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
    ]) {
      const html = renderCommentHtml(body)
      expect(links(html), body).toEqual([])
      expect(html, body).not.toMatch(/href="javascript/i)
    }
  })

  it('does not render images, so a comment cannot load anything from elsewhere', () => {
    expect(renderCommentHtml('![Bild](https://tracker.example/pixel.png)')).not.toMatch(/<img/i)
  })
})

describe('renderCommentHtml: links', () => {
  it('turns a bare https or http URL into a link marked as user content, without following punctuation', () => {
    const html = renderCommentHtml(
      'Mehr dazu unter https://example.com/pfad?a=1&b=2. Und http://example.org auch.',
    )
    expect(links(html)).toEqual([
      {
        href: 'https://example.com/pfad?a=1&amp;b=2',
        rel: 'nofollow ugc noopener',
        text: 'https://example.com/pfad?a=1&amp;b=2',
      },
      { href: 'http://example.org', rel: 'nofollow ugc noopener', text: 'http://example.org' },
    ])
  })

  it('does not guess links from text without a scheme', () => {
    expect(
      links(
        renderCommentHtml(
          'Schreib an anna@example.de oder schau auf www.example.com oder beispiel.de',
        ),
      ),
    ).toEqual([])
  })

  it('keeps quotes in a URL inside the link, so it cannot add attributes to it', () => {
    const html = renderCommentHtml('https://example.com/"onmouseover="alert(1)')
    expect(html).toMatch(/^<p><a href="[^"]*" rel="nofollow ugc noopener">[^<]*<\/a><\/p>$/)
    expect(links(html)[0]?.href).toBe('https://example.com/%22onmouseover=%22alert(1)')
  })
})

describe('renderCommentHtml: formatting', () => {
  it('renders emphasis, strong text and inline code, escaping HTML inside code', () => {
    expect(renderCommentHtml('Das ist *wichtig* und **sehr wichtig**: `a <b> c`')).toBe(
      '<p>Das ist <em>wichtig</em> und <strong>sehr wichtig</strong>: <code>a &lt;b&gt; c</code></p>',
    )
  })

  it('keeps single line breaks and splits paragraphs at blank lines', () => {
    expect(renderCommentHtml('Zeile eins\nZeile zwei\n\nNeuer Absatz')).toBe(
      '<p>Zeile eins<br>\nZeile zwei</p>\n<p>Neuer Absatz</p>',
    )
  })

  it('renders quotes of earlier comments', () => {
    expect(renderCommentHtml('> Das stimmt nicht.\n\nDoch!')).toBe(
      '<blockquote>\n<p>Das stimmt nicht.</p>\n</blockquote>\n<p>Doch!</p>',
    )
  })

  it('lets a backslash keep an asterisk literal', () => {
    expect(renderCommentHtml('5 \\* 3 \\* 2')).toBe('<p>5 * 3 * 2</p>')
  })

  it('shows headings, lists, rules and tables as the text that was written', () => {
    const cases = {
      '# Überschrift': /<h\d/,
      '- eins\n- zwei': /<[uo]l|<li/,
      '1. eins\n2. zwei': /<[uo]l|<li/,
      'Text\n\n---': /<hr/,
      'a | b\n--|--\n1 | 2': /<table/,
    }
    for (const [body, forbidden] of Object.entries(cases)) {
      const html = renderCommentHtml(body)
      expect(html, body).not.toMatch(forbidden)
      expect(html.replace(/<[^>]+>/g, ''), body).toContain(body.split('\n')[0])
    }
  })

  it('returns no surrounding whitespace and nothing for an empty body', () => {
    expect(renderCommentHtml('  Hallo  \n')).toBe('<p>Hallo</p>')
    expect(renderCommentHtml('')).toBe('')
  })
})
