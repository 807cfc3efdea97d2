import type { ErrorBody, FieldError } from '../../contract'

export type { FieldError }

/** The public API's error shape: `{ errors: [{ field, message }] }` with the fitting status. */
export function errorResponse(
  status: number,
  errors: FieldError[],
  headers?: HeadersInit,
): Response {
  return Response.json({ errors } satisfies ErrorBody, { status, headers })
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
  ) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '))
    this.name = 'HttpError'
  }
}

/** A 400/404/… with one field error. */
export const fieldError = (status: number, field: string, message: string): HttpError =>
  new HttpError(status, [{ field, message }])
