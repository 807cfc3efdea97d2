// @vitest-environment happy-dom
import { escapeHTML } from 'astro/runtime/server/escape.js'
import { serializeProps } from 'astro/runtime/server/serialize.js'
import fs from 'node:fs'
import { gzipSync } from 'node:zlib'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { COMMENT_THREADS_PER_PAGE, type CommentsData } from '../../../contract'
import { bodiesInHtmlOnly } from '../../lib/commentPages'
import CommentSection, { type CommentSectionProps } from './CommentSection'
import { API_BASE, pageOf, seedData, SLUG } from './test/fakeApi'
import { BUDGET_ARTICLE, PAGE_BUDGET, REST_OF_PAGE } from './test/budget'
import { realisticThreads } from './test/generate'

/**
 * The page budget (./test/budget.ts): the seed article's page (HTML and CSS) stays under 30 KB
 * gzipped when the article has 500 approved comments: 50 threads of a comment and 9 replies, 150
 * characters on average. Measured here: the island as Astro writes it into the article page (its
 * props for hydration and its server-rendered HTML), page 1, with the comments' and the site's
 * CSS; plus REST_OF_PAGE for the rest of the seed article's page (checked on the built page by
 * tests/integration/siteBuild.test.ts).
 */

const css = ['site/components/comments/comments.css', 'site/styles/global.css']
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n')

/** `<astro-island props="…">server HTML</astro-island>`, as the article page has it. */
function island(props: CommentSectionProps) {
  const serialized = escapeHTML(
    serializeProps(props, { displayName: 'CommentSection', astroStaticSlot: true }),
  )
  return `<astro-island props="${serialized}">${renderToString(<CommentSection {...props} />)}</astro-island>`
}

describe('page budget', () => {
  const article: CommentsData = {
    ...seedData(),
    comments: realisticThreads(BUDGET_ARTICLE),
    stats: { ...seedData().stats, threads: 50, replies: 450 },
  }
  const firstPage = pageOf(article, { limit: COMMENT_THREADS_PER_PAGE })
  const props = { slug: SLUG, apiBase: API_BASE, lang: 'de' as const }

  it('keeps the article page with 500 comments under 30 KB gzipped', () => {
    const html = island({ ...props, initial: bodiesInHtmlOnly(firstPage) })
    const size = gzipSync(html + css).length
    console.log(
      `island, page 1 (${COMMENT_THREADS_PER_PAGE} threads, ${html.match(/<article id=/g)?.length} comments) with CSS: ${(size / 1024).toFixed(1)} KB gz; with the rest of the page: ${((size + REST_OF_PAGE) / 1024).toFixed(1)} KB gz`,
    )
    expect(size + REST_OF_PAGE).toBeLessThan(PAGE_BUDGET)
    // Page 1 of five, its threads whole; the stats count the whole article.
    expect(firstPage.pagination).toMatchObject({ page: 1, totalPages: 5, totalThreads: 50 })
    expect(html.match(/<article id="kommentar-/g)).toHaveLength(COMMENT_THREADS_PER_PAGE * 10)
    expect(html).toContain('<strong>450</strong>')
    expect(html).toContain(`href="/blog/${SLUG}/kommentare/2/"`)
  })

  it('writes the comment bodies once: in the HTML, not again in the island’s props', () => {
    const text = firstPage.comments[3]!.replies[4]!.html.replace(/<\/?p>/g, '')
    const count = (html: string) => html.split(text).length - 1
    expect(count(island({ ...props, initial: bodiesInHtmlOnly(firstPage) }))).toBe(1)
    // Without it, the page carries every body twice.
    expect(count(island({ ...props, initial: firstPage }))).toBe(2)
  })
})
