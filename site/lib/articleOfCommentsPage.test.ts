import { describe, expect, it } from 'vitest'
import { articleOfCommentsPage } from './articleOfCommentsPage'

describe('articleOfCommentsPage', () => {
  it('leads a comment page the build did not make to its article', () => {
    expect(articleOfCommentsPage('/blog/ein-artikel/kommentare/7/')).toBe('/blog/ein-artikel/')
    expect(articleOfCommentsPage('/blog/ein-artikel/kommentare/12')).toBe('/blog/ein-artikel/')
  })

  it('leaves every other missing page alone', () => {
    for (const path of [
      '/blog/ein-artikel/',
      '/blog/ein-artikel/kommentare/',
      '/blog/ein-artikel/kommentare/1/',
      '/blog/ein-artikel/kommentare/x/',
      '/blog/ein-artikel/anderes/2/',
      '/tags/kommentare/2/',
      '/gibt-es-nicht/',
    ])
      expect(articleOfCommentsPage(path)).toBeNull()
  })
})
