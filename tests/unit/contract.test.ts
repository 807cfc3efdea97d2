import { describe, expect, it } from 'vitest'
import {
  apiPaths,
  articlePath,
  COMMENT_LIMITS,
  COMMENT_THREADS_PER_PAGE,
  commentAnchor,
  commentsPagePath,
  EDIT_WINDOW_MS,
  FORM_ANCHORS,
  SUBSCRIPTION_PAGES,
} from '../../contract'

/**
 * The public URLs as the README documents them, stated literally: the other tests build URLs from
 * contract/, so this is where a change to a published path or anchor shows up.
 */
describe('the public contract', () => {
  it('puts articles, comment anchors and the no-JS notices where links and redirects lead', () => {
    expect(articlePath('social-media-nutzen-mittelstand')).toBe(
      '/blog/social-media-nutzen-mittelstand/',
    )
    expect(`#${commentAnchor(12)}`).toBe('#kommentar-12')
    // The static comment pages, COMMENT_THREADS_PER_PAGE threads each: page 1 is the article.
    expect(commentsPagePath('a', 1)).toBe('/blog/a/')
    expect(commentsPagePath('a', 3)).toBe('/blog/a/kommentare/3/')
    expect(FORM_ANCHORS).toEqual({
      commentWaiting: 'kommentar-wartet',
      commentPublished: 'kommentar-veroeffentlicht',
      subscriptionRequested: 'abo-angefragt',
    })
    expect(SUBSCRIPTION_PAGES).toEqual({
      confirmed: '/abo-bestaetigt/',
      expired: '/abo-abgelaufen/',
      invalid: '/abo-ungueltig/',
    })
  })

  it('serves the public API under /api/public, with path segments encoded', () => {
    expect(apiPaths.comments('a b')).toBe('/api/public/articles/a%20b/comments')
    expect(apiPaths.comment('7')).toBe('/api/public/comments/7')
    expect(apiPaths.reactions('7')).toBe('/api/public/comments/7/reactions')
    expect(apiPaths.subscriptions).toBe('/api/public/subscriptions')
    expect(apiPaths.shareCount('x')).toBe('/api/public/articles/x/shares')
    expect(apiPaths.share('x', 'linkedin')).toBe('/api/public/share/x/linkedin')
  })

  it('keeps the documented limits', () => {
    expect(COMMENT_LIMITS).toEqual({ name: 80, body: 5000, website: 300 })
    expect(EDIT_WINDOW_MS).toBe(15 * 60 * 1000)
    expect(COMMENT_THREADS_PER_PAGE).toBe(10)
  })
})
