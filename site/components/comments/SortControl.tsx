import { COMMENT_SORTS, type CommentSort } from '../../../contract'
import type { CommentTexts } from './texts'

/** Radio group: arrow keys move between the orders, each change refetches. */
export function SortControl({
  value,
  onChange,
  texts: t,
}: {
  value: CommentSort
  onChange: (sort: CommentSort) => void
  texts: CommentTexts
}) {
  return (
    <fieldset className="comment-sort">
      <legend>{t.sort.legend}</legend>
      {COMMENT_SORTS.map((order) => (
        <label key={order}>
          <input
            type="radio"
            name="kommentare-sortierung"
            value={order}
            checked={value === order}
            onChange={() => onChange(order)}
          />{' '}
          {t.sort[order]}
        </label>
      ))}
    </fieldset>
  )
}
