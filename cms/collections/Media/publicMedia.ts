import type { Payload, PayloadRequest, Where } from 'payload'

/** Media ids an article shows: its cover and every upload node of its Lexical body. */
export function referencedMedia(article: { cover?: unknown; body?: unknown }): Set<string> {
  const ids = new Set<string>()
  const add = (value: unknown) => {
    const id = typeof value === 'object' && value !== null && 'id' in value ? value.id : value
    if (typeof id === 'string' || typeof id === 'number') ids.add(String(id))
  }
  add(article.cover)
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return
    const record = node as Record<string, unknown>
    if (record.type === 'upload' && record.relationTo === 'media') add(record.value)
    for (const child of Array.isArray(record.children) ? record.children : []) walk(child)
    if ('root' in record) walk(record.root)
  }
  walk(article.body)
  return ids
}

/** Media shown by any published article now (reads every published body: start and rare cases). */
async function shownByPublished(payload: Payload, req?: PayloadRequest): Promise<Set<string>> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    select: { cover: true, body: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Set(docs.flatMap((doc) => [...referencedMedia(doc)]))
}

/** Sets `public` on these media (only where it differs); how many changed. */
async function mark(
  payload: Payload,
  req: PayloadRequest | undefined,
  where: Where,
  value: boolean,
): Promise<number> {
  const { docs } = await payload.update({
    collection: 'media',
    where: { and: [where, { public: { equals: !value } }] },
    data: { public: value },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.length
}

/**
 * Marks exactly the media of published articles `public` (the public may read those and their
 * files; media of drafts stay with the editors), from all published articles: on start.
 */
export async function syncPublicMedia(payload: Payload, req?: PayloadRequest): Promise<number> {
  const shown = [...(await shownByPublished(payload, req))]
  return (
    (await mark(payload, req, { id: { in: shown } }, true)) +
    (await mark(payload, req, { id: { not_in: shown } }, false))
  )
}

/**
 * After one article changed (or was deleted): `candidates` are the media its versions before and
 * after show. Those its live (published) version shows become public; the others are hidden
 * unless another published article shows them. Only that last, rare case (an image taken out of
 * a published article, or one unpublished or deleted) reads the other published articles, so
 * publishing many articles stays linear. A draft saved over a published article changes nothing:
 * its live version still shows what it showed.
 */
/** The media an article's live (published) version shows now, before a change. */
export async function liveMedia(
  payload: Payload,
  req: PayloadRequest,
  articleId: number | string,
): Promise<Set<string>> {
  const live = await findLive(payload, req, articleId)
  return live?._status === 'published' ? referencedMedia(live) : new Set<string>()
}

const findLive = (payload: Payload, req: PayloadRequest, id: number | string) =>
  payload.findByID({
    collection: 'articles',
    id,
    draft: false,
    select: { _status: true, cover: true, body: true },
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })

export async function syncArticleMedia(
  payload: Payload,
  req: PayloadRequest,
  articleId: number | string,
  candidates: Set<string>,
): Promise<number> {
  if (candidates.size === 0) return 0
  const shown = await liveMedia(payload, req, articleId)
  let changed = shown.size ? await mark(payload, req, { id: { in: [...shown] } }, true) : 0
  const removed = [...candidates].filter((id) => !shown.has(id))
  if (removed.length === 0) return changed
  const elsewhere = await shownByPublished(payload, req)
  const hide = removed.filter((id) => !elsewhere.has(id))
  if (hide.length) changed += await mark(payload, req, { id: { in: hide } }, false)
  return changed
}
