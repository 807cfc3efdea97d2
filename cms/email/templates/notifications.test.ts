import { describe, expect, it } from 'vitest'
import { digestEmail, editorPendingEmail } from './notifications'

const comment = (n: number) => ({
  authorName: `Leserin ${n}`,
  body: `Beitrag ${n}: ${'Ein langer Gedanke zur Diskussion. '.repeat(20)}`,
  url: `https://blog.example/blog/artikel/#kommentar-${n}`,
})

describe('digestEmail', () => {
  it('quotes the comments it is given and counts the rest of a long discussion', () => {
    const quoted = Array.from({ length: 50 }, (_, i) => comment(i))
    const email = digestEmail({
      locale: 'de',
      kind: 'comment',
      articleTitle: 'Social Media im Mittelstand',
      comments: quoted,
      total: 499,
      unsubscribe: { url: 'https://cms.example/abmelden' },
    })
    expect(email.subject).toBe('499 neue Kommentare zu „Social Media im Mittelstand“')
    for (const c of quoted) expect(email.text).toContain(c.url)
    expect(email.text).toContain('… und 449 weitere in der Diskussion.')
    // Well below Payload's default cap of 40,000 characters for a text field.
    expect(email.text.length).toBeLessThan(40_000)
  })

  it('names no "more" when it quotes every comment', () => {
    const email = digestEmail({
      locale: 'en',
      kind: 'reply',
      articleTitle: 'Study',
      comments: [comment(1), comment(2)],
      unsubscribe: { url: 'https://cms.example/unsubscribe' },
    })
    expect(email.subject).toBe('2 new replies to your comment on “Study”')
    expect(email.text).not.toContain('more in the discussion')
  })
})

describe('editorPendingEmail', () => {
  it('counts every waiting comment, quoting those it lists', () => {
    const email = editorPendingEmail(
      [0, 1].map((n) => ({ ...comment(n), articleTitle: 'A', adminUrl: `https://cms/admin/${n}` })),
      'https://cms/admin/collections/comments',
      7,
    )
    expect(email.subject).toBe('7 Kommentare warten auf Freigabe')
    expect(email.text).toContain('und 5 weitere')
  })
})
