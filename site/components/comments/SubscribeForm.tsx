import { useRef, useState, type SubmitEvent } from 'react'
import type { FieldError, FormScope, NewSubscription } from './api'
import { ConsentField } from './ConsentField'
import { useFieldErrors } from './fieldErrors'
import type { CommentTexts } from './texts'

const FIELDS = ['email', 'consent'] as const
const SCOPES: readonly FormScope[] = ['article', 'posts']

/** The API's answer: its ready-to-show message, or the errors to show. */
export type SubscribeOutcome = { message: string } | { errors: FieldError[] }

interface SubscribeFormProps {
  /** the CMS endpoint: a plain POST there works without JavaScript (it redirects back to #abo-angefragt) */
  action: string
  slug: string
  texts: CommentTexts
  onSubmit: (input: NewSubscription) => Promise<SubscribeOutcome>
}

/**
 * "Abonnieren": e-mails about new comments on this article or about new articles, after a double
 * opt-in. A disclosure next to the stats; uncontrolled like the comment form.
 */
export function SubscribeForm({ action, slug, texts: t, onSubmit }: SubscribeFormProps) {
  const form = useRef<HTMLFormElement>(null)
  const [sending, setSending] = useState(false)
  const [message, setMessage] = useState('')
  const { setErrors, id, invalid, describe, errorText, generalErrors } = useFieldErrors(
    form,
    'abo',
    FIELDS,
  )

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const target = event.currentTarget
    const data = new FormData(target)
    const scope = SCOPES.find((s) => s === data.get('scope')) ?? 'article'
    setSending(true)
    setMessage('')
    const result = await onSubmit({ email: String(data.get('email') ?? ''), scope })
    setSending(false)
    if ('errors' in result) {
      setErrors(result.errors)
      return
    }
    setErrors([])
    setMessage(result.message)
    // The address stays (for the other choice); the consent is per request.
    const consent = target.elements.namedItem('consent')
    if (consent instanceof HTMLInputElement) consent.checked = false
  }

  return (
    <details className="comment-subscribe">
      <summary id={id('titel')}>{t.subscribe.title}</summary>
      <form
        ref={form}
        className="comment-form"
        method="post"
        action={action}
        aria-labelledby={id('titel')}
        onSubmit={submit}
      >
        {generalErrors}
        {/* Without JavaScript the article goes along for both choices; the CMS uses it for "new comments" and the way back. */}
        <input type="hidden" name="article" value={slug} />
        <input type="hidden" name="lang" value={t.lang} />
        <p className="comment-field">
          <label htmlFor={id('email')}>
            {t.field.email} <span aria-hidden="true">*</span>
          </label>
          <input
            id={id('email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={invalid('email')}
            aria-describedby={describe('email')}
          />
          {errorText('email')}
        </p>
        <fieldset className="comment-choice">
          <legend>{t.subscribe.scope}</legend>
          {SCOPES.map((scope) => (
            <label key={scope}>
              <input type="radio" name="scope" value={scope} defaultChecked={scope === 'article'} />{' '}
              {t.subscribe[scope]}
            </label>
          ))}
        </fieldset>
        <ConsentField
          text={t.subscribe.consentBefore}
          texts={t}
          errors={{ id, invalid, describe, errorText }}
        />
        <p className="comment-form-buttons">
          <button
            type="submit"
            className="comment-button comment-button--primary"
            aria-disabled={sending || undefined}
          >
            {sending ? t.sending : t.subscribe.submit}
          </button>
        </p>
        <p className="comment-subscribe-message" role="status">
          {message}
        </p>
      </form>
    </details>
  )
}
