import { articlePath } from '../../../contract'

/** Id of the comment section on the article page and on the comment pages. */
export const SECTION_ID = 'kommentare'

/**
 * The static page that shows page `page` of an article's comments (oldest first, as the API's
 * pages): page 1 is the article itself, pages 2 and up are `/blog/<slug>/kommentare/<n>/`.
 */
export const commentsPagePath = (slug: string, page: number): string =>
  page > 1 ? `${articlePath(slug)}${SECTION_ID}/${page}/` : `${articlePath(slug)}#${SECTION_ID}`
