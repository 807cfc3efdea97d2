import type { CollectionAfterChangeHook } from 'payload'
import { articlePath } from '../../../../contract'
import type { Article } from '../../../payload-types'

/**
 * A published article whose slug changes leaves a redirect from its old URL. Older redirects to
 * the old URL are pointed at the new one (no chains), and a redirect from the new URL is dropped.
 */
export const recordSlugChange: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (
    !previousDoc?.slug ||
    previousDoc.slug === doc.slug ||
    previousDoc._status !== 'published' ||
    doc._status !== 'published'
  )
    return doc
  const { payload } = req
  const from = articlePath(previousDoc.slug)
  const to = articlePath(doc.slug)
  await payload.delete({
    collection: 'redirects',
    where: { from: { in: [from, to] } },
    overrideAccess: true,
    req,
  })
  await payload.update({
    collection: 'redirects',
    where: { to: { equals: from } },
    data: { to },
    overrideAccess: true,
    req,
  })
  await payload.create({ collection: 'redirects', data: { from, to }, overrideAccess: true, req })
  return doc
}
