import type { LocalCms } from '../../scripts/lib/localCms'

/**
 * Creates an editor and logs in over REST: `token` for an `Authorization: JWT …` header, `cookie`
 * as a browser would send it back (the Set-Cookie of the login), `setCookie` as it came.
 */
export async function loginEditor(
  cms: Pick<LocalCms, 'url' | 'payload'>,
  email = `redaktion-${Date.now()}@example.de`,
): Promise<{ token: string; cookie: string; setCookie: string }> {
  const password = 'pw-123456-lang'
  await cms.payload.create({ collection: 'users', data: { email, password } })
  const login = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!login.ok) throw new Error(`login failed: ${login.status}`)
  const { token } = (await login.json()) as { token: string }
  const setCookie = login.headers.get('set-cookie') ?? ''
  return { token, setCookie, cookie: setCookie.split(';')[0] ?? '' }
}
