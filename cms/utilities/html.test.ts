import { describe, expect, it } from 'vitest'
import { html, trusted } from './html'

describe('html', () => {
  it('escapes every interpolated value', () => {
    const name = `<script>alert("x")</script> & 'y'`
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    )
  })

  it('keeps nested html and trusted markup, joins lists, and drops empty values', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`)
    expect(
      html`<ul>${items}</ul>${null}${undefined}${false}${trusted('<br>')}${0}`.toString(),
    ).toBe('<ul><li>a&lt;b</li><li>c</li></ul><br>0')
  })
})
