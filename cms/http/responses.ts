export type FieldError = { field: string; message: string }

/** The public API's error shape: `{ errors: [{ field, message }] }` with the fitting status. */
export function errorResponse(status: number, errors: FieldError[], headers?: HeadersInit): Response {
  return Response.json({ errors }, { status, headers })
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
