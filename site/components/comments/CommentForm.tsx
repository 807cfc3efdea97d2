import { useEffect, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react'
import { COMMENT_LIMITS, NOTIFY_CHOICES, type Notify } from '../../../contract'
import type { FieldError, NewComment } from './api'
import { ConsentField } from './ConsentField'
import { useFieldErrors } from './fieldErrors'
import type { CommentTexts } from './texts'

const FIELDS = ['name', 'email', 'website', 'body', 'consent', 'notify'] as const
const toNotify = (value: string): Notify =>
  NOTIFY_CHOICES.find((choice) => choice === value) ?? 'none'

interface CommentFormProps {
  /** prefix of every id in the form, unique on the page */
  idPrefix: string
  /** the CMS endpoint: a plain POST there works without JavaScript */
  action: string
  /** id of the comment answered, null for a new thread */
  parent: string | null
  /** id of the element naming the form */
  labelledBy: string
  texts: CommentTexts
  onSubmit: (input: NewComment) => Promise<FieldError[] | null>
  /** shows "Abbrechen" and closes on Escape (reply forms) */
  onCancel?: (() => void) | undefined
  autoFocus?: boolean
  /** the CMS's signed time of the build, so a post without JavaScript passes the minimum fill time */
  formToken?: string | null | undefined
}

/**
 * The comment form, for a new thread and inline for a reply. Uncontrolled on purpose: what a
 * reader typed before the island hydrated is kept, and so is everything after a rejected post.
 */
export function CommentForm({
  idPrefix,
  action,
  parent,
  labelledBy,
  texts: t,
  onSubmit,
  onCancel,
  autoFocus = false,
  formToken = null,
}: CommentFormProps) {
  const form = useRef<HTMLFormElement>(null)
  const [sending, setSending] = useState(false)
  const { setErrors, id, invalid, describe, errorText, generalErrors } = useFieldErrors(
    form,
    idPrefix,
    FIELDS,
  )

  useEffect(() => {
    if (autoFocus)
      form.current
        ?.querySelector<HTMLElement>('input:not([type=hidden]):not([tabindex="-1"]), textarea')
        ?.focus()
  }, [autoFocus])

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault()
    if (sending) return
    const target = event.currentTarget
    const data = new FormData(target)
    const text = (name: string) => String(data.get(name) ?? '')
    setSending(true)
    const result = await onSubmit({
      name: text('name'),
      email: text('email'),
      website: text('website'),
      body: text('body'),
      parent,
      notify: toNotify(text('notify')),
      formToken: text('formToken'),
      homepage: text('homepage'),
    })
    setSending(false)
    setErrors(result ?? [])
    if (!result) {
      // Name, e-mail and website stay for the next comment; text, consent and notification are per comment.
      const body = target.elements.namedItem('body')
      const consent = target.elements.namedItem('consent')
      const notify = target.elements.namedItem('notify')
      if (body instanceof HTMLTextAreaElement) body.value = ''
      if (consent instanceof HTMLInputElement) consent.checked = false
      if (notify instanceof HTMLSelectElement) notify.value = 'none'
    }
  }

  function keyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault()
      onCancel()
    }
  }

  return (
    <form
      ref={form}
      className="comment-form"
      method="post"
      action={action}
      aria-labelledby={labelledBy}
      onSubmit={submit}
      onKeyDown={keyDown}
    >
      {generalErrors}
      {parent && <input type="hidden" name="parent" value={parent} />}
      <input type="hidden" name="lang" value={t.lang} />
      {formToken && <input type="hidden" name="formToken" value={formToken} />}
      <p className="comment-field">
        <label htmlFor={id('name')}>
          {t.field.name} <span aria-hidden="true">*</span>
        </label>
        <input
          id={id('name')}
          name="name"
          type="text"
          autoComplete="name"
          required
          maxLength={COMMENT_LIMITS.name}
          aria-invalid={invalid('name')}
          aria-describedby={describe('name')}
        />
        {errorText('name')}
      </p>
      <p className="comment-field">
        <label htmlFor={id('email')}>
          {t.field.email} <span aria-hidden="true">*</span>
        </label>
        <span className="comment-field-note" id={id('email-note')}>
          ({t.field.emailNote})
        </span>
        <input
          id={id('email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={invalid('email')}
          aria-describedby={describe('email', id('email-note'))}
        />
        {errorText('email')}
      </p>
      <p className="comment-field">
        <label htmlFor={id('website')}>
          {t.field.website} <span className="comment-field-note">({t.field.optional})</span>
        </label>
        <input
          id={id('website')}
          name="website"
          type="url"
          autoComplete="url"
          placeholder="https://"
          aria-invalid={invalid('website')}
          aria-describedby={describe('website')}
        />
        {errorText('website')}
      </p>
      <p className="comment-field">
        <label htmlFor={id('body')}>
          {t.field.body} <span aria-hidden="true">*</span>
        </label>
        <textarea
          id={id('body')}
          name="body"
          rows={6}
          required
          maxLength={COMMENT_LIMITS.body}
          aria-invalid={invalid('body')}
          aria-describedby={describe('body')}
        />
        {errorText('body')}
      </p>
      <ConsentField
        text={t.field.consentBefore}
        texts={t}
        errors={{ id, invalid, describe, errorText }}
      />
      <p className="comment-field comment-notify">
        <label htmlFor={id('notify')}>{t.notify.label}</label>
        <select
          id={id('notify')}
          name="notify"
          defaultValue="none"
          aria-invalid={invalid('notify')}
          aria-describedby={describe('notify', id('notify-note'))}
        >
          {NOTIFY_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t.notify[choice]}
            </option>
          ))}
        </select>
        <span className="comment-field-note" id={id('notify-note')}>
          {t.notify.note}
        </span>
        {errorText('notify')}
      </p>
      {/* The honeypot: out of sight and out of the tab order; whatever fills it is a bot. */}
      <p className="comment-field comment-field--trap" aria-hidden="true">
        <label htmlFor={id('homepage')}>{t.field.trap}</label>
        <input
          id={id('homepage')}
          name="homepage"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </p>
      <p className="comment-form-note" aria-hidden="true">
        * {t.required}
      </p>
      <p className="comment-form-buttons">
        <button
          type="submit"
          className="comment-button comment-button--primary"
          aria-disabled={sending || undefined}
        >
          {sending ? t.sending : t.submit}
        </button>
        {onCancel && (
          <button type="button" className="comment-button" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </p>
    </form>
  )
}
