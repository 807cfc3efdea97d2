import { useEffect, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react'
import { COMMENT_LIMITS } from '../../../contract'
import type { FieldError } from './api'
import type { CommentTexts } from './texts'

interface EditFormProps {
  commentId: string
  initialText: string
  texts: CommentTexts
  onSave: (body: string) => Promise<FieldError[] | null>
  onCancel: () => void
}

/** Inline editing of the reader's own comment: one textarea, "Speichern" and "Abbrechen" (or Escape). */
export function EditForm({ commentId, initialText, texts: t, onSave, onCancel }: EditFormProps) {
  const field = useRef<HTMLTextAreaElement>(null)
  const [errors, setErrors] = useState<FieldError[]>([])
  const [saving, setSaving] = useState(false)
  const id = `bearbeiten-${commentId}`

  useEffect(() => field.current?.focus(), [])

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault()
    if (saving) return
    setSaving(true)
    const result = await onSave(field.current?.value ?? '')
    setSaving(false)
    setErrors(result ?? [])
    if (result) field.current?.focus()
  }

  function keyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape') return
    event.preventDefault()
    onCancel()
  }

  const message = errors.map((e) => e.message).join(' ')
  return (
    <form className="comment-edit" onSubmit={submit} onKeyDown={keyDown}>
      <label htmlFor={id}>{t.editLabel}</label>
      <textarea
        ref={field}
        id={id}
        name="body"
        rows={5}
        required
        maxLength={COMMENT_LIMITS.body}
        defaultValue={initialText}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
      />
      {message && (
        <span className="comment-field-error" id={`${id}-error`}>
          {message}
        </span>
      )}
      <p className="comment-form-buttons">
        <button
          type="submit"
          className="comment-button comment-button--primary"
          aria-disabled={saving || undefined}
        >
          {saving ? t.sending : t.save}
        </button>
        <button type="button" className="comment-button" onClick={onCancel}>
          {t.cancel}
        </button>
      </p>
    </form>
  )
}
