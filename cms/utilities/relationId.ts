/** The id of a relationship field's value, whether Payload returned it populated or as a bare id. */
export function relationId<Id extends string | number>(
  value: { id: Id } | Id | null | undefined,
): Id | null {
  if (value === null || value === undefined) return null
  return typeof value === 'object' ? value.id : value
}
