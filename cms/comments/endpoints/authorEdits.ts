import { requestLocale } from '../../http/locale'
import { publicEndpoint } from '../../http/publicEndpoint'
import { readBody } from '../../http/readBody'
import { HttpError } from '../../http/responses'
import { inTransaction } from '../../http/transaction'
import { authorizeAuthor } from '../authorizeAuthor'
import { parseInput } from '../../http/parseInput'
import { commentText } from '../messages'
import { editCommentInput } from '../input'
import { toPublicComment } from '../publicComment'
import { hasVisibleReplies } from '../queries'

/** PATCH /api/public/comments/:id { body } with the author's edit token. */
export const editComment = publicEndpoint('patch', '/public/comments/:id', async (req) => {
  const locale = requestLocale(req.headers)
  const input = parseInput(editCommentInput, (await readBody(req)).data, commentText(locale))
  if (!input.ok) throw new HttpError(400, input.errors)
  const updated = await inTransaction(req, async () => {
    const comment = await authorizeAuthor(req, locale)
    return req.payload.update({
      collection: 'comments',
      id: comment.id,
      data: { body: input.value.body, editedAt: new Date().toISOString() },
      overrideAccess: true,
      req,
    })
  })
  return Response.json({ comment: { ...toPublicComment(updated), status: updated.status, body: updated.body } })
})

/**
 * DELETE /api/public/comments/:id with the author's edit token. A comment with replies keeps its
 * place as "Kommentar gelöscht" with the author's data wiped; otherwise it is removed entirely.
 */
export const deleteComment = publicEndpoint('delete', '/public/comments/:id', async (req) => {
  const locale = requestLocale(req.headers)
  await inTransaction(req, async () => {
    const comment = await authorizeAuthor(req, locale)
    if (await hasVisibleReplies(req.payload, comment.id, req)) {
      await req.payload.update({
        collection: 'comments',
        id: comment.id,
        data: { deleted: true, body: '', authorName: '', authorEmail: null, authorUrl: null },
        overrideAccess: true,
        req,
      })
    } else {
      await req.payload.delete({ collection: 'comment-reactions', where: { comment: { equals: comment.id } }, overrideAccess: true, req })
      await req.payload.delete({ collection: 'comments', id: comment.id, overrideAccess: true, req })
    }
  })
  return new Response(null, { status: 204 })
})
