import type { CommentSort } from '../../lib/cms'
import type { CommentTexts } from './texts'

const ORDERS: readonly CommentSort[] = ['newest', 'oldest', 'top']

/** Radio group: arrow keys move between the orders, each change refetches. */
export function SortControl({ value, onChange, texts: t }: { value: CommentSort; onChange: (sort: CommentSort) => void; texts: CommentTexts }) {
  return (
    <fieldset className="comment-sort">
      <legend>{t.sort.legend}</legend>
      {ORDERS.map((order) => (
        <label key={order}>
          <input type="radio" name="kommentare-sortierung" value={order} checked={value === order} onChange={() => onChange(order)} /> {t.sort[order]}
        </label>
      ))}
    </fieldset>
  )
}
