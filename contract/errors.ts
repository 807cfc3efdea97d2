/** One problem with a request: the field it concerns (or `body`, `authorization`, …) and a text for the reader. */
export interface FieldError {
  field: string
  message: string
}

/** Every public error answer: `{ errors: [{ field, message }] }` with the fitting status code. */
export interface ErrorBody {
  errors: FieldError[]
}
