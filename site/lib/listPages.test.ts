import { describe, expect, it } from 'vitest'
import type { Article } from './articles'
import { LIST_PAGE_SIZE, listPageKey, listPages } from './listPages'

const article = (n: number, updatedAt = '2026-12-01T00:00:00.000Z') =>
  ({ data: { slug: `beitrag-${n}`, updatedAt } }) as Article
const articles = (count: number) => Array.from({ length: count }, (_, n) => article(n))

describe('listPages', () => {
  it('cuts a listing into pages of 20 with links to the newer and older pages', () => {
    const pages = listPages(articles(2 * LIST_PAGE_SIZE + 1), '/tags/strategie/')
    expect(pages.map((p) => [p.number, p.total, p.articles.length, p.newer, p.older])).toEqual([
      [1, 3, 20, undefined, '/tags/strategie/seite/2/'],
      [2, 3, 20, '/tags/strategie/', '/tags/strategie/seite/3/'],
      [3, 3, 1, '/tags/strategie/seite/2/', undefined],
    ])
    expect(pages[2]!.articles[0]!.data.slug).toBe('beitrag-40')
  })

  it('has one page, without links, for a short or empty listing', () => {
    expect(listPages([], '/')).toMatchObject([{ number: 1, total: 1, articles: [] }])
    expect(listPages(articles(3), '/')[0]).toMatchObject({ newer: undefined, older: undefined })
  })

  it("keys a page by what it shows: its articles' digests and its place", () => {
    const [page] = listPages(articles(3), '/')
    const key = listPageKey(page!)
    expect(listPageKey(listPages(articles(3), '/')[0]!)).toBe(key)
    const edited = [article(0), article(1, '2026-12-02T00:00:00.000Z'), article(2)]
    expect(listPageKey(listPages(edited, '/')[0]!)).not.toBe(key)
    // One more page behind it changes its "Seite 1 von n".
    expect(listPageKey(listPages(articles(LIST_PAGE_SIZE + 1), '/')[0]!)).not.toBe(
      listPageKey(listPages(articles(LIST_PAGE_SIZE), '/')[0]!),
    )
    expect(listPageKey(page!, 'Strategie')).not.toBe(key)
  })
})
