import { z } from 'zod'
import { SUBSCRIPTION_SCOPES } from '../../contract'
import { consentField, emailField } from '../http/schemas'

/** POST /api/public/subscriptions: the article is its slug, required for replies and article scopes. */
export const subscribeInput = z
  .object({
    email: emailField,
    scope: z.enum(SUBSCRIPTION_SCOPES, { error: 'scopeInvalid' }),
    article: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.string().trim().optional(),
    ),
    consent: consentField('subscriptionConsentRequired'),
  })
  .refine((v) => v.scope === 'posts' || Boolean(v.article), {
    path: ['article'],
    message: 'articleRequired',
  })
