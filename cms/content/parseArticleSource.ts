import { compile } from '@mdx-js/mdx'
import matter from 'gray-matter'
import { z } from 'zod'

/** The frontmatter an article file must carry; everything below it is Markdown. */
export const articleFrontmatter = z.object({
  title: z.string().trim().min(1).max(200),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens only')
    .optional(),
  excerpt: z.string().trim().max(500).optional(),
  author: z.string().trim().optional(),
  tags: z.array(z.string().trim().min(1)).default([]),
  language: z.enum(['de', 'en']).default('de'),
  publishedAt: z.coerce.date().optional(),
})

export type ArticleSource = z.infer<typeof articleFrontmatter> & { markdown: string }

export class ArticleSourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`)
    this.name = 'ArticleSourceError'
  }
}

type Positioned = { line?: number; mark?: { line?: number }; reason?: string; message: string }

/**
 * Parses an MDX article file. The body is compiled by MDX only to find syntax errors with their
 * line in the file; the Markdown itself is what gets imported.
 */
export async function parseArticleSource(file: string, source: string): Promise<ArticleSource> {
  let parsed: matter.GrayMatterFile<string>
  try {
    parsed = matter(source)
  } catch (error) {
    const e = error as Positioned
    throw new ArticleSourceError(file, e.mark?.line !== undefined ? e.mark.line + 2 : undefined, `frontmatter: ${e.reason ?? e.message}`)
  }
  const bodyOffset = source.split('\n').length - parsed.content.split('\n').length
  try {
    await compile(parsed.content)
  } catch (error) {
    const e = error as Positioned
    throw new ArticleSourceError(file, e.line !== undefined ? e.line + bodyOffset : undefined, e.reason ?? e.message)
  }
  const frontmatter = articleFrontmatter.safeParse(parsed.data)
  if (!frontmatter.success) {
    const issue = frontmatter.error.issues[0]
    const field = issue?.path.join('.') || 'frontmatter'
    throw new ArticleSourceError(file, 1, `frontmatter field "${field}": ${issue?.message ?? 'invalid'}`)
  }
  if (!parsed.content.trim()) throw new ArticleSourceError(file, bodyOffset + 1, 'the article has no body')
  return { ...frontmatter.data, markdown: parsed.content }
}
