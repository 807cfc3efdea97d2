import { EDIT_WINDOW_MS } from '../../contract'
import type { Comment } from '../payload-types'

/** Whether the author's 15 minutes to edit or delete this comment are still open. */
export const editWindowOpen = (comment: Pick<Comment, 'createdAt'>, now = Date.now()): boolean =>
  now - Date.parse(comment.createdAt) <= EDIT_WINDOW_MS
