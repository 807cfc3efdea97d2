import type { ErrorBody } from '../../contract'

/** An answer of the public API: the body `T` it promises, or `{ errors }`; empty for 204 and HTML pages. */
export type Answer<T> = Partial<T> & Partial<ErrorBody>

/** Calls the public API under `base()` as the island would (JSON), without following redirects. */
export const publicApi =
  (base: () => string) =>
  async <T extends object = object>(
    method: string,
    apiPath: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${base()}${apiPath}`, {
      method,
      redirect: 'manual',
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let json: Answer<T> = {}
    try {
      json = JSON.parse(text) as Answer<T>
    } catch {
      // 204 and HTML pages
    }
    return { status: response.status, headers: response.headers, text, json }
  }
