import { articlePath, commentAnchor, type CommentStats as Stats } from '../../../contract'
import type { CommentTexts } from './texts'

/**
 * The numbers above the thread, and links to its most reacted comment and its hottest thread:
 * to the article page, which finds them on any page of comments (the island loads that page;
 * on the article page itself the link only changes the #fragment).
 */
export function CommentStats({
  slug,
  stats,
  texts: t,
}: {
  slug: string
  stats: Stats
  texts: CommentTexts
}) {
  const numbers = [
    [stats.threads, t.stats.threads],
    [stats.replies, t.stats.replies],
    [stats.followers, t.stats.followers],
    [stats.authors, t.stats.authors],
  ] as const
  const links = [
    [stats.mostReacted, t.stats.mostReacted],
    [stats.hottestThread, t.stats.hottestThread],
  ] as const
  return (
    <div className="comment-stats">
      <ul aria-label={t.stats.label}>
        {numbers.map(([value, label]) => (
          <li key={label}>
            <strong>{value}</strong> {label}
          </li>
        ))}
      </ul>
      {links.some(([id]) => id) && (
        <ul>
          {links.map(([id, label]) =>
            id ? (
              <li key={label}>
                <a href={`${articlePath(slug)}#${commentAnchor(id)}`}>{label}</a>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </div>
  )
}
