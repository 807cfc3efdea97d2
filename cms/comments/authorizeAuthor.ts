import type { PayloadRequest } from 'payload'
import type { Locale } from '../http/locale'
import { HttpError } from '../http/responses'
import type { Comment } from '../payload-types'
import { bearerToken, EDIT_WINDOW_MS, tokenMatches } from './editToken'
import { message } from './messages'
import { findComment } from './queries'

/** The comment, if the request carries its edit token and the 15-minute window is still open. */
export async function authorizeAuthor(req: PayloadRequest, locale: Locale): Promise<Comment> {
  const comment = await findComment(req.payload, String(req.routeParams?.id ?? ''), req)
  if (!comment || comment.deleted) throw new HttpError(404, [{ field: 'id', message: message(locale, 'commentNotFound') }])
  const token = bearerToken(req.headers)
  if (!token) throw new HttpError(401, [{ field: 'authorization', message: message(locale, 'tokenMissing') }])
  if (!tokenMatches(token, comment.editTokenHash)) throw new HttpError(403, [{ field: 'authorization', message: message(locale, 'tokenInvalid') }])
  if (Date.now() - Date.parse(comment.createdAt) > EDIT_WINDOW_MS) {
    throw new HttpError(403, [{ field: 'authorization', message: message(locale, 'editWindowOver') }])
  }
  return comment
}
