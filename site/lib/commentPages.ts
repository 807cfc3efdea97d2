import {
  commentsPagePath as staticPagePath,
  type CommentsData,
  type PublicComment,
} from '../../contract'

/** Id of the comment section on the article page and on the comment pages. */
export const SECTION_ID = 'kommentare'

/** A pager link to page `page` of an article's comments: on the article page, to its section. */
export const commentsPagePath = (slug: string, page: number): string =>
  page > 1 ? staticPagePath(slug, page) : `${staticPagePath(slug, 1)}#${SECTION_ID}`

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
