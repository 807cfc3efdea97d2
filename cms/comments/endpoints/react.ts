import type { PayloadRequest, Where } from 'payload'
import type { ReactionResult, Vote } from '../../../contract'
import { requestLocale } from '../../http/locale'
import { parseInput } from '../../http/parseInput'
import { publicEndpoint } from '../../http/publicEndpoint'
import { readBody } from '../../http/readBody'
import { fieldError, HttpError } from '../../http/responses'
import { inTransaction } from '../../http/transaction'
import { message, translator } from '../../i18n/messages'
import type { Comment } from '../../payload-types'
import { reactionInput } from '../input'
import { findComment } from '../queries'
import { readerIdentity } from '../readerId'

/**
 * POST /api/public/comments/:id/reactions { value }: one vote per reader. The same value again
 * takes the vote back, the other value moves it. Counts are recounted from the votes, so they
 * stay right under concurrent clicks.
 */
export const react = publicEndpoint('post', '/public/comments/:id/reactions', async (req) => {
  const locale = requestLocale(req.headers)
  const input = parseInput(reactionInput, (await readBody(req)).data, translator(locale))
  if (!input.ok) throw new HttpError(400, input.errors)
  const reader = readerIdentity(req.headers)

  const result: ReactionResult = await inTransaction(req, async () => {
    const comment = await findComment(req.payload, String(req.routeParams?.id ?? ''), req)
    if (!comment || comment.status !== 'approved' || comment.deleted) {
      throw fieldError(404, 'id', message(locale, 'commentNotFound'))
    }
    const mine = await vote(req, comment, reader.hash, input.value.value)
    return { ...(await recount(req, comment)), mine }
  })
  return Response.json(result, {
    headers: reader.setCookie ? { 'set-cookie': reader.setCookie } : undefined,
  })
})

async function vote(
  req: PayloadRequest,
  comment: Comment,
  readerHash: string,
  value: Vote,
): Promise<Vote | null> {
  const { payload } = req
  const where: Where = {
    and: [{ comment: { equals: comment.id } }, { readerHash: { equals: readerHash } }],
  }
  const existing = (
    await payload.find({
      collection: 'comment-reactions',
      where,
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs[0]
  if (!existing) {
    await payload.create({
      collection: 'comment-reactions',
      data: { comment: comment.id, readerHash, value },
      overrideAccess: true,
      req,
    })
    return value
  }
  if (existing.value === value) {
    await payload.delete({
      collection: 'comment-reactions',
      id: existing.id,
      overrideAccess: true,
      req,
    })
    return null
  }
  await payload.update({
    collection: 'comment-reactions',
    id: existing.id,
    data: { value },
    overrideAccess: true,
    req,
  })
  return value
}

async function recount(
  req: PayloadRequest,
  comment: Comment,
): Promise<{ up: number; down: number }> {
  const count = async (value: Vote) =>
    (
      await req.payload.count({
        collection: 'comment-reactions',
        where: { and: [{ comment: { equals: comment.id } }, { value: { equals: value } }] },
        overrideAccess: true,
        req,
      })
    ).totalDocs
  const [up, down] = [await count('up'), await count('down')]
  await req.payload.update({
    collection: 'comments',
    id: comment.id,
    data: { reactionsUp: up, reactionsDown: down },
    overrideAccess: true,
    req,
  })
  return { up, down }
}
