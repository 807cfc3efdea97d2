import { z } from 'zod'
import { COMMENT_LIMITS, COMMENT_SORTS, DEFAULT_SORT, NOTIFY_CHOICES, VOTES } from '../../contract'
import { consentField, emailField } from '../http/schemas'

const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().optional(),
)
const commentBody = z
  .string({ error: 'bodyRequired' })
  .trim()
  .min(1, 'bodyRequired')
  .max(COMMENT_LIMITS.body, 'bodyTooLong')

/** A new comment from the JSON API or the no-JS form. Error messages are message keys. */
export const newCommentInput = z.object({
  name: z
    .string({ error: 'nameRequired' })
    .trim()
    .min(1, 'nameRequired')
    .max(COMMENT_LIMITS.name, 'nameTooLong'),
  email: emailField,
  body: commentBody,
  website: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'websiteInvalid' })
      .max(COMMENT_LIMITS.website, 'websiteInvalid')
      .optional(),
  ),
  parent: optionalText,
  consent: consentField('consentRequired'),
  notify: z.preprocess(
    (v) => (v === '' || v === undefined ? 'none' : v),
    z.enum(NOTIFY_CHOICES, { error: 'notifyInvalid' }),
  ),
})
export type NewCommentInput = z.infer<typeof newCommentInput>

export const editCommentInput = z.object({ body: commentBody })
export const reactionInput = z.object({ value: z.enum(VOTES, { error: 'reactionInvalid' }) })
export const listQuery = z.object({
  sort: z.enum(COMMENT_SORTS, { error: 'sortInvalid' }).default(DEFAULT_SORT),
})
