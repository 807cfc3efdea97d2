import type { PayloadRequest } from 'payload'
import { bearerToken } from '../http/bearerToken'
import type { Locale } from '../http/locale'
import { fieldError } from '../http/responses'
import { message } from '../i18n/messages'
import type { Comment } from '../payload-types'
import { tokenMatches } from '../security/tokens'
import { editWindowOpen } from './editToken'
import { findComment } from './queries'

/** The comment, if the request carries its edit token and the 15-minute window is still open. */
export async function authorizeAuthor(req: PayloadRequest, locale: Locale): Promise<Comment> {
  const comment = await findComment(req.payload, String(req.routeParams?.id ?? ''), req)
  if (!comment || comment.deleted) throw fieldError(404, 'id', message(locale, 'commentNotFound'))
  const token = bearerToken(req.headers)
  if (!token) throw fieldError(401, 'authorization', message(locale, 'tokenMissing'))
  if (!tokenMatches(token, comment.editTokenHash))
    throw fieldError(403, 'authorization', message(locale, 'tokenInvalid'))
  if (!editWindowOpen(comment))
    throw fieldError(403, 'authorization', message(locale, 'editWindowOver'))
  return comment
}
