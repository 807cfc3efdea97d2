import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { ogImage, ogSvg } from './ogImage'

const TITLE = `Q&A: <Team> sagt "Ja" & it's fine`

describe('ogImage', () => {
  it('escapes title and site name in the SVG', () => {
    const svg = ogSvg(TITLE, 'Müller & Söhne <Blog>')
    expect(svg).toContain('Q&amp;A: &lt;Team&gt; sagt &quot;Ja&quot; &amp;')
    expect(svg).toContain('it&#39;s fine')
    expect(svg).toContain('>Müller &amp; Söhne &lt;Blog&gt;</text>')
    expect(svg).not.toMatch(/<Team>|<Blog>|"Ja"/)
  })

  it('renders the SVG to a 1200×630 PNG', async () => {
    const png = await ogImage(TITLE, 'Leuchtturm & Co')
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    )
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 })
  })
})
