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

/**
 * Marks exactly the media of published articles `public` (the public may read those and their
 * files; media of drafts stay with the editors). Recomputed from all published articles, so
 * unpublishing one article keeps media another still shows. Returns how many media changed.
 */
export async function syncPublicMedia(payload: Payload, req?: PayloadRequest): Promise<number> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    select: { cover: true, body: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const shown = [...new Set(docs.flatMap((doc) => [...referencedMedia(doc)]))]
  const mark = async (where: Where, value: boolean) =>
    (
      await payload.update({
        collection: 'media',
        where: { and: [where, { public: { equals: !value } }] },
        data: { public: value },
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).docs.length
  return (await mark({ id: { in: shown } }, true)) + (await mark({ id: { not_in: shown } }, false))
}
