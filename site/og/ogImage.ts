import escapeHtml from 'escape-html'
import sharp from 'sharp'

/** Splits a title into at most four lines of about `width` characters. */
function lines(title: string, width = 26): string[] {
  const out: string[] = []
  for (const word of title.split(/\s+/)) {
    const last = out.at(-1)
    if (last !== undefined && (last + ' ' + word).length <= width)
      out[out.length - 1] = `${last} ${word}`
    else out.push(word)
  }
  return out.length > 4 ? [...out.slice(0, 3), `${out[3]} …`] : out
}

/** The sharing image's SVG: the title in up to four lines and the site's name, both escaped. */
export function ogSvg(title: string, siteName: string): string {
  const text = lines(title)
    .map((line, i) => `<tspan x="80" dy="${i === 0 ? 0 : 78}">${escapeHtml(line)}</tspan>`)
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#0b3d5c"/><path d="M1040 120h60l20 420h-100z" fill="#f5c542"/>
<text x="80" y="200" font-family="DejaVu Sans, Arial, sans-serif" font-size="64" font-weight="bold" fill="#ffffff">${text}</text>
<text x="80" y="560" font-family="DejaVu Sans, Arial, sans-serif" font-size="36" fill="#f5c542">${escapeHtml(siteName)}</text></svg>`
}

/** A 1200×630 sharing image with the article's title, made at build time (no third-party service). */
export async function ogImage(title: string, siteName: string): Promise<Buffer> {
  return sharp(Buffer.from(ogSvg(title, siteName)))
    .png()
    .toBuffer()
}
