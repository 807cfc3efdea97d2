import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { commentUrl } from './urls'

beforeEach(() => vi.stubEnv('SITE_URL', 'https://blog.example.de/'))
afterEach(() => vi.unstubAllEnvs())

describe('commentUrl', () => {
  it('links a comment on the first page to the article itself', () => {
    expect(commentUrl('ein-artikel', 12)).toBe(
      'https://blog.example.de/blog/ein-artikel/#kommentar-12',
    )
    expect(commentUrl('ein-artikel', '12', 1)).toBe(
      'https://blog.example.de/blog/ein-artikel/#kommentar-12',
    )
  })

  it('links a comment on a later page to that static comment page', () => {
    expect(commentUrl('ein-artikel', 'abc', 3)).toBe(
      'https://blog.example.de/blog/ein-artikel/kommentare/3/#kommentar-abc',
    )
  })
})
