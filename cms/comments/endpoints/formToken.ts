import type { FormTokenResult } from '../../../contract'
import { publicEndpoint } from '../../http/publicEndpoint'
import { mintFormToken } from '../../spam/formToken'

/**
 * GET /api/public/form-token -> { formToken }: the signed current time, for a comment form about
 * to be shown (the site's build puts one into the static form; the island reads the header of
 * GET …/comments instead). A post sooner than MIN_FILL_MS after it counts as spam.
 */
export const formToken = publicEndpoint('get', '/public/form-token', () =>
  Promise.resolve(
    Response.json({ formToken: mintFormToken() } satisfies FormTokenResult, {
      headers: { 'cache-control': 'no-store' },
    }),
  ),
)
