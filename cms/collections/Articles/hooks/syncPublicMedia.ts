import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
} from 'payload'
import type { Article } from '../../../payload-types'
import { liveMedia, referencedMedia, syncArticleMedia } from '../../Media/publicMedia'

/** Per request and article: the media its live version showed before the change. */
const liveBefore = new WeakMap<object, Map<string, string[]>>()

/**
 * Which media the public may read follows the published articles. A change looks at the media
 * this article's live version showed before (remembered here: `previousDoc` of a draft-enabled
 * collection is the latest draft, not what readers saw) and the ones its versions show now.
 */
export const rememberLiveMedia: CollectionBeforeChangeHook<Article> = async ({
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc?.id) {
    const media = [...(await liveMedia(req.payload, req, originalDoc.id))]
    const remembered = liveBefore.get(req) ?? new Map<string, string[]>()
    remembered.set(String(originalDoc.id), media)
    liveBefore.set(req, remembered)
  }
}

export const publicMediaOnChange: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  // Not in `context`: Local API calls inside hooks (with this req) replace req.context.
  const before = liveBefore.get(req)?.get(String(doc.id)) ?? []
  liveBefore.get(req)?.delete(String(doc.id))
  const candidates = new Set([
    ...before,
    ...referencedMedia(doc),
    ...(previousDoc ? referencedMedia(previousDoc) : []),
  ])
  await syncArticleMedia(req.payload, req, doc.id, candidates)
  return doc
}

export const publicMediaOnDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await syncArticleMedia(req.payload, req, doc.id, referencedMedia(doc))
  return doc
}
