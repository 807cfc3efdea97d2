import { z } from 'zod'

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
  notify: z.preprocess((v) => (v === '' || v === undefined ? 'none' : v), z.enum(['none', 'replies', 'article'], { error: 'notifyInvalid' })),
})
export type NewCommentInput = z.infer<typeof newCommentInput>

export const editCommentInput = z.object({ body: commentBody })
export const reactionInput = z.object({ value: z.enum(['up', 'down'], { error: 'reactionInvalid' }) })
export const listQuery = z.object({ sort: z.enum(['newest', 'oldest', 'top'], { error: 'sortInvalid' }).default('oldest') })
