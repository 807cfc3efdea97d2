import type { Payload, PayloadRequest } from 'payload'
import type { Article } from '../../payload-types'

/** Reads of articles for the public endpoints and jobs, with access overridden after their own checks. */

/** What the public endpoints need of an article: never its body (whose read hooks are costly). */
export type PublishedArticle = Pick<Article, 'id' | 'slug' | 'title' | 'language' | 'commentsOpen'>

export async function findPublishedArticle(
  payload: Payload,
  slug: string,
  req?: PayloadRequest,
): Promise<PublishedArticle | null> {
  return (await findPublishedArticles(payload, [slug], req))[0] ?? null
}

/** The published ones of these articles, in one query. */
export async function findPublishedArticles(
  payload: Payload,
  slugs: string[],
  req?: PayloadRequest,
): Promise<PublishedArticle[]> {
  const { docs } = await payload.find({
    collection: 'articles',
    pagination: false,
    where: { and: [{ slug: { in: slugs } }, { _status: { equals: 'published' } }] },
    select: { slug: true, title: true, language: true, commentsOpen: true },
    limit: slugs.length,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}

export async function findArticle(
  payload: Payload,
  id: string,
  req?: PayloadRequest,
): Promise<Article | null> {
  const { docs } = await payload.find({
    collection: 'articles',
    pagination: false,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}
