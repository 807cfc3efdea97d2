import { remoteFormToken } from './formToken'
import path from 'node:path'
import type { Payload } from 'payload'
import { apiPaths, type CreatedComment } from '../../contract'
import { importArticles } from '../../cms/content/importArticles'

export const FANOUT_SLUG = 'social-media-nutzen-mittelstand'

/** The seed article plus `count` confirmed followers of its comments; comments publish and notify at once. */
export async function seedSubscribers(payload: Payload, count: number): Promise<string[]> {
  await importArticles(payload, path.resolve('content/articles'))
  const article = (
    await payload.find({
      collection: 'articles',
      where: { slug: { equals: FANOUT_SLUG } },
      limit: 1,
    })
  ).docs[0]!
  await payload.updateGlobal({
    slug: 'comment-settings',
    data: { moderation: 'none', digestMinutes: 0 },
  })
  const emails = Array.from(
    { length: count },
    (_, i) => `leser-${String(i).padStart(5, '0')}@example.de`,
  )
  const now = new Date().toISOString()
  for (const email of emails) {
    await payload.create({
      collection: 'subscriptions',
      data: {
        email,
        scope: 'article',
        article: article.id,
        status: 'confirmed',
        confirmedAt: now,
        consentAt: now,
        consentText: 'seed',
      },
      overrideAccess: true,
    })
  }
  return emails
}

/** Posts a comment as a reader would; with moderation "none" it is approved at once and fans out. */
export async function postComment(cmsUrl: string, email = 'autor@example.de'): Promise<string> {
  const response = await fetch(`${cmsUrl}${apiPaths.comments(FANOUT_SLUG)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Autor',
      email,
      body: `Ein neuer Kommentar für alle (${new Date().toISOString()}).`,
      consent: true,
      formToken: await remoteFormToken(cmsUrl),
    }),
  })
  const { comment } = (await response.json()) as CreatedComment
  if (comment.status !== 'approved') throw new Error(`comment is ${comment.status}`)
  return comment.id
}
