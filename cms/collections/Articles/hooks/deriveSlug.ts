import type { CollectionBeforeValidateHook } from 'payload'
import { toSlug } from '../slugify'

/**
 * Fills a missing slug from the title before validation. Payload's slugField does this in a
 * field hook that races the slug's own `required` check on API creates; the admin is unaffected.
 */
export const deriveSlug: CollectionBeforeValidateHook = ({ data }) => {
  if (data && !data.slug && typeof data.title === 'string' && data.title.trim()) {
    return { ...data, slug: toSlug(data.title) }
  }
  return data
}
