import { articlePath, type CommentsData, type PublicComment } from '../../contract'

/**
 * Threads per page of comments, on the static pages and in the island alike (sent as `limit`,
 * so page n is the same everywhere). Less than the API's default (THREADS_PER_PAGE): the article
 * page must stay under 30 KB gzipped with 500 comments on 50 threads
 * (site/components/comments/CommentSection.budget.test.tsx), and every reader who scrolls to
 * the comments refetches page 1.
 */
export const COMMENT_THREADS_PER_PAGE = 10

/** Id of the comment section on the article page and on the comment pages. */
export const SECTION_ID = 'kommentare'

/**
 * The static page that shows page `page` of an article's comments (oldest first, as the API's
 * pages): page 1 is the article itself, pages 2 and up are `/blog/<slug>/kommentare/<n>/`.
 */
export const commentsPagePath = (slug: string, page: number): string =>
  page > 1 ? `${articlePath(slug)}${SECTION_ID}/${page}/` : `${articlePath(slug)}#${SECTION_ID}`

/**
 * The island's `initial` for the article page, its comment bodies left out of the props Astro
 * writes into the page for hydration: they are in the HTML already (the bulk of the page, else
 * twice), and the island reads them from there (useCommentSection). `html` stays readable for
 * the server render, but not enumerable, so no serializer copies it.
 */
export function bodiesInHtmlOnly(data: CommentsData): CommentsData {
  const hide = (comment: PublicComment): PublicComment =>
    Object.defineProperty({ ...comment, replies: comment.replies.map(hide) }, 'html', {
      value: comment.html,
      enumerable: false,
    })
  return { ...data, comments: data.comments.map(hide) }
}
