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
import { clientHash } from '../clientHash'
import { dailyKey } from '../../security/privacyKeys'
import { readerIdentity } from '../readerId'

/**
 * POST /api/public/comments/:id/reactions { value }: one vote per reader and per client address
 * (a new reader token from the same client finds the old vote). The same value again takes the
 * vote back, the other value moves it. Counts are recounted from the votes, so they stay right
 * under concurrent clicks.
 */
export const react = publicEndpoint('post', '/public/comments/:id/reactions', async (req) => {
  const locale = requestLocale(req.headers)
  const input = parseInput(reactionInput, (await readBody(req)).data, translator(locale))
  if (!input.ok) throw new HttpError(400, input.errors)
  const reader = readerIdentity(req.headers)
  const client = clientHash(req.headers, await dailyKey(req.payload))

  const result: ReactionResult = await inTransaction(req, async () => {
    const comment = await findComment(req.payload, String(req.routeParams?.id ?? ''), req)
    if (!comment || comment.status !== 'approved' || comment.deleted) {
      throw fieldError(404, 'id', message(locale, 'commentNotFound'))
    }
    const mine = await vote(
      req,
      comment,
      { readerHash: reader.hash, clientHash: client },
      input.value.value,
    )
    return { ...(await recount(req, comment)), mine }
  })
  return Response.json(result, {
    headers: reader.setCookie ? { 'set-cookie': reader.setCookie } : undefined,
  })
})

async function vote(
  req: PayloadRequest,
  comment: Comment,
  voter: { readerHash: string; clientHash: string | null },
  value: Vote,
): Promise<Vote | null> {
  const { payload } = req
  const { readerHash, clientHash } = voter
  const same: Where[] = [{ readerHash: { equals: readerHash } }]
  if (clientHash) same.push({ clientHash: { equals: clientHash } })
  const where: Where = { and: [{ comment: { equals: comment.id } }, { or: same }] }
  // The reader's own vote first; else the one cast from this client under another token.
  const { docs } = await payload.find({
    collection: 'comment-reactions',
    where,
    limit: 2,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const existing = docs.find((doc) => doc.readerHash === readerHash) ?? docs[0]
  if (!existing) {
    await payload.create({
      collection: 'comment-reactions',
      depth: 0,
      data: { comment: comment.id, readerHash, clientHash, value },
      overrideAccess: true,
      req,
    })
    return value
  }
  // Another reader token on the same client: its vote is the existing one, not a second one.
  if (existing.value === value && existing.readerHash !== readerHash) return value
  if (existing.value === value) {
    await payload.delete({
      collection: 'comment-reactions',
      id: existing.id,
      overrideAccess: true,
      req,
    })
    return null
  }
  // The vote moves, still one row; it stays under the reader token that cast it first.
  await payload.update({
    collection: 'comment-reactions',
    depth: 0,
    id: existing.id,
    data: { value, clientHash: existing.clientHash ?? clientHash },
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
    depth: 0,
    id: comment.id,
    data: { reactionsUp: up, reactionsDown: down },
    overrideAccess: true,
    req,
  })
  return { up, down }
}
