import type { CommentsPagination } from '../../../contract'
import { commentsPagePath } from '../../lib/commentPages'
import { useCommentContext } from './context'

/**
 * Below the thread. Without JavaScript (and before hydration): links to the static comment pages,
 * so every comment is reachable. Hydrated: a button that loads the next page below, and after a
 * jump to a later page (a link to a comment) one back to the first comments.
 */
export function CommentPager({
  slug,
  firstPage,
  pagination: { page, totalPages },
  onMore,
  onFirst,
}: {
  slug: string
  firstPage: number
  /** page: the last page shown */
  pagination: CommentsPagination
  onMore: () => void
  onFirst: () => void
}) {
  const { texts, hydrated } = useCommentContext()
  const t = texts.pages
  if (totalPages < 2) return null
  const button = (label: string, onClick: () => void) => (
    <button type="button" className="comment-button" onClick={onClick}>
      {label}
    </button>
  )
  return (
    <nav className="comment-pages" aria-label={t.label}>
      {hydrated
        ? firstPage > 1 && button(t.first, onFirst)
        : page > 1 && (
            <a href={commentsPagePath(slug, page - 1)} rel="prev">
              {t.older}
            </a>
          )}
      <span>{t.of(hydrated ? firstPage : page, page, totalPages)}</span>
      {page < totalPages &&
        (hydrated ? (
          button(t.more, onMore)
        ) : (
          <a href={commentsPagePath(slug, page + 1)} rel="next">
            {t.newer}
          </a>
        ))}
    </nav>
  )
}
