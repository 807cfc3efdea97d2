import { useEffect, useState, type RefObject } from 'react'
import type { FieldError } from './api'

/**
 * The API's field errors in a form: each next to its field (aria-invalid, aria-describedby), the
 * rest in one alert on top. After a rejected post, focus moves to the first thing to fix.
 */
export function useFieldErrors<F extends string>(
  form: RefObject<HTMLFormElement | null>,
  idPrefix: string,
  fields: readonly F[],
) {
  const [errors, setErrors] = useState<FieldError[]>([])

  useEffect(() => {
    if (errors.length)
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus()
  }, [errors, form])

  const id = (name: string) => `${idPrefix}-${name}`
  const errorOf = (field: F) => errors.find((e) => e.field === field)?.message
  const general = errors.filter((e) => !fields.some((f) => f === e.field))

  return {
    setErrors,
    id,
    invalid: (field: F) => (errorOf(field) ? true : undefined),
    /** aria-describedby: the given notes and the field's error */
    describe: (field: F, ...more: string[]) => {
      const ids = [...more, ...(errorOf(field) ? [id(`${field}-error`)] : [])]
      return ids.length ? ids.join(' ') : undefined
    },
    errorText: (field: F) => {
      const message = errorOf(field)
      return message ? (
        <span className="comment-field-error" id={id(`${field}-error`)}>
          {message}
        </span>
      ) : null
    },
    generalErrors:
      general.length > 0 ? (
        <div className="comment-form-errors" role="alert" tabIndex={-1}>
          {general.map((e) => (
            <p key={e.message}>{e.message}</p>
          ))}
        </div>
      ) : null,
  }
}
