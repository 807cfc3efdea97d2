import type { Payload } from 'payload'
import { COMMENT_THREADS_PER_PAGE, DEFAULT_SORT } from '../../contract'
import { commentUrl } from '../config/urls'
import { cachedThread, pageHolding } from './threadCache'

/**
 * The link to a comment in an email: the static page that holds it (the site's pages: DEFAULT_SORT,
 * COMMENT_THREADS_PER_PAGE threads each), so readers without JavaScript land on it too; with
 * JavaScript the island loads the live page of the #fragment's comment anyway. A comment that is
 * not public (any more) links to the article.
 */
export async function commentLink(
  payload: Payload,
  slug: string,
  commentId: string | number,
): Promise<string> {
  const thread = await cachedThread(payload, slug)
  const page = thread
    ? pageHolding(thread, DEFAULT_SORT, COMMENT_THREADS_PER_PAGE, String(commentId))
    : null
  return commentUrl(slug, commentId, page ?? 1)
}
