import type { z } from 'zod'
import type { FieldError } from './responses'

/**
 * Parses input with a schema whose error messages are message keys, and returns the first error
 * per field in the reader's language (`translate` maps a key to its text).
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  data: unknown,
  translate: (key: string) => string | undefined,
): { ok: true; value: z.infer<T> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(data)
  if (result.success) return { ok: true, value: result.data }
  const errors = new Map<string, string>()
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || 'body'
    if (!errors.has(field)) errors.set(field, translate(issue.message) ?? issue.message)
  }
  return { ok: false, errors: [...errors].map(([field, message]) => ({ field, message })) }
}
