import { z } from 'zod'

/** Form fields both public forms share. Error messages are message keys (see i18n/messages). */
export const emailField = z
  .string({ error: 'emailInvalid' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'emailInvalid' }))

/** A ticked checkbox: JSON `true` or a form's "on". */
export const consentField = (errorKey: string) =>
  z.preprocess(
    (v) => v === true || v === 'on' || v === 'true' || v === '1',
    z.literal(true, { error: errorKey }),
  )
