import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, TypeWithID } from 'payload'
import { relationId } from '../../utilities/relationId'
import { bumpThreadStamp } from './stamp'

type ArticleRef = { id: number } | number | null | undefined

/**
 * Hooks that give an article's comment answer a new stamp when a document that shows in it
 * changes: `articleOf` names the article, `shows` whether the document is part of the public answer
 * (before or after the change).
 */
export function bumpThreadStampHooks<T extends TypeWithID>(
  articleOf: (doc: T) => ArticleRef,
  shows: (doc: T) => boolean,
) {
  const bump = async (
    req: Parameters<CollectionAfterChangeHook<T>>[0]['req'],
    docs: (T | undefined)[],
  ) => {
    const ids = new Set(
      docs.filter((d): d is T => d !== undefined && shows(d)).map((d) => relationId(articleOf(d))),
    )
    for (const id of ids) if (id !== null) await bumpThreadStamp(req, id)
  }
  const afterChange: CollectionAfterChangeHook<T> = async ({ doc, previousDoc, req }) => {
    await bump(req, [doc, previousDoc])
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook<T> = async ({ doc, req }) => {
    await bump(req, [doc])
    return doc
  }
  return { afterChange, afterDelete }
}
