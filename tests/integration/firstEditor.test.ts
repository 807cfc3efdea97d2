import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'

let cms: LocalCms
beforeAll(async () => {
  cms = await startLocalCms()
})
afterAll(async () => {
  await cms?.stop()
})

const register = (headers: Record<string, string>) =>
  fetch(`${cms.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: 'erste@example.de', password: 'ein-langes-passwort' }),
  })

describe('the first editor', () => {
  it('cannot be registered from outside this machine', async () => {
    for (const forwarded of ['203.0.113.7', '127.0.0.1, 203.0.113.7']) {
      const response = await register({ 'x-forwarded-for': forwarded })
      expect(response.status).toBe(403)
      expect(
        ((await response.json()) as { errors: { message: string }[] }).errors[0]!.message,
      ).toMatch(/localhost/)
    }
    expect((await cms.payload.count({ collection: 'users' })).totalDocs).toBe(0)
  })

  it("is registered from localhost through Payload's own handler, once", async () => {
    const response = await register({ 'x-forwarded-for': '127.0.0.1' })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { user: { email: string } }).user.email).toBe(
      'erste@example.de',
    )
    expect((await cms.payload.count({ collection: 'users' })).totalDocs).toBe(1)
    expect((await register({ 'x-forwarded-for': '127.0.0.1' })).status).toBe(403)
  })
})
