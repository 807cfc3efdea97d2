import { describe, expect, it } from 'vitest'
import { ArticleSourceError, parseArticleSource } from '../../cms/content/parseArticleSource'

const file = (frontmatter: string, body: string) => `---\n${frontmatter}\n---\n\n${body}`

describe('parseArticleSource', () => {
  it('reads frontmatter and keeps the Markdown body', async () => {
    const article = await parseArticleSource(
      'a.mdx',
      file('title: Hallo\ntags: [Eins, Zwei]\npublishedAt: 2024-05-01', '## Teil\n\nText'),
    )
    expect(article).toMatchObject({
      title: 'Hallo',
      tags: ['Eins', 'Zwei'],
      language: 'de',
      markdown: '\n## Teil\n\nText',
    })
    expect(article.publishedAt?.toISOString()).toBe('2024-05-01T00:00:00.000Z')
  })

  it('names the line of an MDX syntax error, counted in the whole file', async () => {
    const source = file('title: Kaputt', 'Absatz eins.\n\nNoch einer.\n\n<Offen ohne Ende')
    const error = await parseArticleSource('kaputt.mdx', source).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ArticleSourceError)
    expect((error as ArticleSourceError).line).toBe(9)
    expect((error as Error).message).toMatch(/^kaputt\.mdx:9: /)
  })

  it('names the line of broken YAML frontmatter', async () => {
    const error = await parseArticleSource(
      'yaml.mdx',
      file('title: Gut\ntags: [offen', 'Text'),
    ).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/^yaml\.mdx:\d+: frontmatter: /)
  })

  it('names an invalid frontmatter field', async () => {
    await expect(
      parseArticleSource('slug.mdx', file('title: Gut\nslug: Nicht Gut', 'Text')),
    ).rejects.toThrow(/slug\.mdx:1: frontmatter field "slug"/)
    await expect(parseArticleSource('t.mdx', file('slug: ohne-titel', 'Text'))).rejects.toThrow(
      /frontmatter field "title"/,
    )
  })

  it('refuses an article without a body', async () => {
    await expect(parseArticleSource('leer.mdx', file('title: Leer', ''))).rejects.toThrow(/no body/)
  })
})
