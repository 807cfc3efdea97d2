import { articlePath, commentsPagePath } from '../../contract'

/**
 * The article of a static comment page's path (`/blog/<slug>/kommentare/<n>/` -> `/blog/<slug>/`),
 * or null for any other path. The 404 page sends readers there: an email links to the page that
 * holds a comment, and a new thread can open a page the last build did not make yet.
 */
export function articleOfCommentsPage(pathname: string): string | null {
  const match = /^\/blog\/([^/]+)\/[^/]+\/(\d+)\/?$/.exec(pathname)
  if (!match) return null
  const slug = match[1]!
  const path = commentsPagePath(slug, Number(match[2]))
  return pathname.replace(/\/?$/, '/') === path && path !== articlePath(slug)
    ? articlePath(slug)
    : null
}
