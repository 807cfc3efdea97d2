import type { EditedComment } from '../../../contract'
import { readCommentSettings } from '../../globals/readCommentSettings'
import { requestLocale } from '../../http/locale'
import { parseInput } from '../../http/parseInput'
import { publicEndpoint } from '../../http/publicEndpoint'
import { readBody } from '../../http/readBody'
import { HttpError } from '../../http/responses'
import { inTransaction } from '../../http/transaction'
import { translator } from '../../i18n/messages'
import { authorizeAuthor } from '../authorizeAuthor'
import { editCommentInput } from '../input'
import { toOwnComment } from '../publicComment'
import { hasReplies } from '../queries'

/**
 * PATCH /api/public/comments/:id { body } with the author's edit token. Under moderation "all"
 * and "first" an edit of an approved comment is held again (status 'pending', gone from the
 * public thread until an editor approves it): else approval could be bypassed by editing.
 */
export const editComment = publicEndpoint('patch', '/public/comments/:id', async (req) => {
  const locale = requestLocale(req.headers)
  const input = parseInput(editCommentInput, (await readBody(req)).data, translator(locale))
  if (!input.ok) throw new HttpError(400, input.errors)
  const updated = await inTransaction(req, async () => {
    const comment = await authorizeAuthor(req, locale)
    const { moderation } = await readCommentSettings(req.payload, req)
    const heldAgain = comment.status === 'approved' && moderation !== 'none'
    return req.payload.update({
      collection: 'comments',
      depth: 0,
      id: comment.id,
      data: {
        body: input.value.body,
        editedAt: new Date().toISOString(),
        ...(heldAgain ? { status: 'pending' as const, editorsNotified: false } : {}),
      },
      overrideAccess: true,
      context: { authorEdit: true },
      req,
    })
  })
  return Response.json({ comment: toOwnComment(updated) } satisfies EditedComment)
})

/**
 * DELETE /api/public/comments/:id with the author's edit token. A comment with replies (pending
 * and spam ones too) keeps its place as "Kommentar gelöscht" with the author's data wiped, so no
 * reply loses its parent; the public thread shows the placeholder only while it holds an approved
 * reply (thread.ts). A comment without replies is removed entirely.
 */
export const deleteComment = publicEndpoint('delete', '/public/comments/:id', async (req) => {
  const locale = requestLocale(req.headers)
  await inTransaction(req, async () => {
    const comment = await authorizeAuthor(req, locale)
    if (await hasReplies(req.payload, comment.id, req)) {
      await req.payload.update({
        collection: 'comments',
        depth: 0,
        id: comment.id,
        data: { deleted: true, body: '', authorName: '', authorEmail: null, authorUrl: null },
        overrideAccess: true,
        req,
      })
    } else {
      await req.payload.delete({
        collection: 'comment-reactions',
        where: { comment: { equals: comment.id } },
        overrideAccess: true,
        req,
      })
      await req.payload.delete({
        collection: 'comments',
        id: comment.id,
        overrideAccess: true,
        req,
      })
    }
  })
  return new Response(null, { status: 204 })
})
