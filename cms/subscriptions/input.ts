import { z } from 'zod'
import { SUBSCRIPTION_SCOPES } from '../collections/Subscriptions'

const checked = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.literal(true, { error: 'consentRequired' }))

/** POST /api/public/subscriptions: the article is its slug, required for replies and article scopes. */
export const subscribeInput = z
  .object({
    email: z.string({ error: 'emailInvalid' }).trim().toLowerCase().pipe(z.email({ error: 'emailInvalid' })),
    scope: z.enum(SUBSCRIPTION_SCOPES, { error: 'scopeInvalid' }),
    article: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().optional()),
    consent: checked,
  })
  .refine((v) => v.scope === 'posts' || Boolean(v.article), { path: ['article'], message: 'articleRequired' })
