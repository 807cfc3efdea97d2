import { z } from 'zod'
import {
  COMMENT_LIMITS,
  COMMENT_SORTS,
  DEFAULT_SORT,
  MAX_THREADS_PER_PAGE,
  NOTIFY_CHOICES,
  THREADS_PER_PAGE,
  VOTES,
} from '../../contract'
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
const whole = (min: number, max: number, error: string) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error })

/** GET …/comments: a page of threads, or the page that holds `comment`. */
export const listQuery = z.object({
  sort: z.enum(COMMENT_SORTS, { error: 'sortInvalid' }).default(DEFAULT_SORT),
  page: whole(1, 100_000, 'pageInvalid').default(1),
  limit: whole(1, MAX_THREADS_PER_PAGE, 'limitInvalid').default(THREADS_PER_PAGE),
  comment: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'commentNotFound' })
    .optional(),
})
