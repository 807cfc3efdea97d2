import type { ReactNode } from 'react'
import type { useFieldErrors } from './fieldErrors'
import type { CommentTexts } from './texts'

type Errors = Pick<
  ReturnType<typeof useFieldErrors<'consent'>>,
  'id' | 'invalid' | 'describe' | 'errorText'
>

/** The required consent checkbox of both forms, with the link to the privacy page. */
export function ConsentField({
  text,
  texts: t,
  errors,
}: {
  text: ReactNode
  texts: CommentTexts
  errors: Errors
}) {
  const { id, invalid, describe, errorText } = errors
  return (
    <p className="comment-field comment-consent">
      <input
        id={id('consent')}
        name="consent"
        type="checkbox"
        value="on"
        required
        aria-invalid={invalid('consent')}
        aria-describedby={describe('consent')}
      />
      <label htmlFor={id('consent')}>
        {text}
        <a href="/datenschutz/">{t.field.consentLink}</a>
        {t.field.consentAfter} <span aria-hidden="true">*</span>
      </label>
      {errorText('consent')}
    </p>
  )
}
