import fs from 'node:fs/promises'
import path from 'node:path'
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'
import { toSlug } from '../collections/Articles/slugify'
import { ArticleSourceError, parseArticleSource, type ArticleSource } from './parseArticleSource'

export type ImportReport = {
  created: string[]
  updated: string[]
  failed: { file: string; message: string }[]
}

/**
 * Imports every `*.mdx` / `*.md` file of a folder as a published article, keyed by slug: a re-run
 * updates the article in place. A file that fails is skipped whole and reported; the rest go on.
 */
export async function importArticles(payload: Payload, dir: string): Promise<ImportReport> {
  const report: ImportReport = { created: [], updated: [], failed: [] }
  const files = (await fs.readdir(dir)).filter((name) => /\.mdx?$/.test(name)).sort()
  const editorConfig = await editorConfigFactory.default({ config: payload.config })

  for (const name of files) {
    const file = path.join(dir, name)
    try {
      const article = await parseArticleSource(path.relative(process.cwd(), file), await fs.readFile(file, 'utf8'))
      const body = convertMarkdownToLexical({ editorConfig, markdown: article.markdown })
      const outcome = await upsertArticle(payload, article, body)
      report[outcome].push(file)
    } catch (error) {
      const message = error instanceof ArticleSourceError ? error.message : `${file}: ${(error as Error).message}`
      report.failed.push({ file, message })
    }
  }
  return report
}

async function upsertArticle(
  payload: Payload,
  article: ArticleSource,
  body: ReturnType<typeof convertMarkdownToLexical>,
): Promise<'created' | 'updated'> {
  const slug = article.slug ?? toSlug(article.title)
  const data = {
    title: article.title,
    slug,
    generateSlug: false,
    excerpt: article.excerpt,
    author: article.author,
    tags: article.tags,
    language: article.language,
    publishedAt: article.publishedAt?.toISOString(),
    body,
    _status: 'published' as const,
  }
  const existing = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    draft: true,
    limit: 1,
    overrideAccess: true,
    depth: 0,
  })
  const current = existing.docs[0]
  if (current) {
    await payload.update({ collection: 'articles', id: current.id, data, overrideAccess: true })
    return 'updated'
  }
  await payload.create({ collection: 'articles', data, overrideAccess: true })
  return 'created'
}
