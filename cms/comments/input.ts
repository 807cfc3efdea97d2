import { z } from 'zod'
import type { FieldError } from '../http/responses'
import type { Locale } from '../http/locale'
import { message, type MessageKey } from './messages'

export const MAX_NAME = 80
export const MAX_BODY = 5000

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional())
const checked = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.literal(true, { error: 'consentRequired' }))
const commentBody = z.string({ error: 'bodyRequired' }).trim().min(1, 'bodyRequired').max(MAX_BODY, 'bodyTooLong')

/** A new comment from the JSON API or the no-JS form. Error messages are message keys. */
export const newCommentInput = z.object({
  name: z.string({ error: 'nameRequired' }).trim().min(1, 'nameRequired').max(MAX_NAME, 'nameTooLong'),
  email: z.string({ error: 'emailInvalid' }).trim().toLowerCase().pipe(z.email({ error: 'emailInvalid' })),
  body: commentBody,
  website: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'websiteInvalid' }).max(300, 'websiteInvalid').optional()),
  parent: optionalText,
  consent: checked,
})
export type NewCommentInput = z.infer<typeof newCommentInput>

export const editCommentInput = z.object({ body: commentBody })
export const reactionInput = z.object({ value: z.enum(['up', 'down'], { error: 'reactionInvalid' }) })
export const listQuery = z.object({ sort: z.enum(['newest', 'oldest', 'top'], { error: 'sortInvalid' }).default('oldest') })

/** Parses input or returns the field errors in the reader's language. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  data: unknown,
  locale: Locale,
): { ok: true; value: z.infer<T> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(data)
  if (result.success) return { ok: true, value: result.data }
  const seen = new Set<string>()
  const errors: FieldError[] = []
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || 'body'
    if (seen.has(field)) continue
    seen.add(field)
    errors.push({ field, message: isMessageKey(issue.message) ? message(locale, issue.message) : issue.message })
  }
  return { ok: false, errors }
}

const isMessageKey = (value: string): value is MessageKey => message('de', value as MessageKey) !== undefined
