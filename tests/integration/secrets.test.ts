import { afterAll, describe, expect, it } from 'vitest'
import { apiPaths } from '../../contract'
import { unsubscribeTokens } from '../../cms/subscriptions/tokens'
import { signedToken } from '../../cms/security/tokens'
import { startLocalCms } from '../../scripts/lib/localCms'
import { tempEnv } from '../../scripts/lib/tempEnv'
import { startCmsProcess } from '../helpers/cmsProcess'

/**
 * PAYLOAD_SECRET changes (set after launch, or rotated): logins made before end, unsubscribe
 * links sent before keep working (they carry the database's own link key). And behind https the
 * login cookie is Secure.
 */
const temp = tempEnv()
const FIRST = 'erstes-geheimnis-0123456789-0123456789'
const SECOND = 'zweites-geheimnis-0123456789-0123456789'
const EDITOR = { email: 'chefin@example.de', password: 'ein-langes-passwort' }
const stops: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const stop of stops.reverse()) await stop()
  temp.cleanup()
})

const login = (url: string) =>
  fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(EDITOR),
  })
const unsubscribe = (url: string, token: string) =>
  fetch(`${url}${apiPaths.subscriptions}/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: 'POST',
  })

describe('a new PAYLOAD_SECRET', () => {
  it('ends old logins but keeps every unsubscribe link sent before working', async () => {
    // Before: the CMS on FIRST, as it ran when the emails went out.
    Object.assign(process.env, temp.env, { PAYLOAD_SECRET: FIRST })
    const before = await startLocalCms({ reuseEnv: true })
    await before.payload.create({ collection: 'users', data: EDITOR })
    const now = new Date().toISOString()
    const subscribe = (email: string) =>
      before.payload.create({
        collection: 'subscriptions',
        data: {
          email,
          scope: 'posts',
          status: 'confirmed',
          confirmedAt: now,
          consentAt: now,
          consentText: 'Test',
        },
      })
    const reader = await subscribe('leserin@example.de')
    const old = await subscribe('alt@example.de')
    // The link as the notification emails carry it (cms/notifications/tasks.ts).
    const link = (await unsubscribeTokens(before.payload))(reader.id)
    // One made before links had their own key: signed with the secret itself.
    const secretSigned = signedToken('unsubscribe', old.id)
    const firstLogin = await login(before.url)
    // Over http (a local start) the login cookie cannot be Secure.
    expect(firstLogin.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i)
    const { token: oldLogin } = (await firstLogin.json()) as { token: string }
    await before.stop()

    // After: the same database, another secret.
    const after = await startCmsProcess({ ...temp.env, PAYLOAD_SECRET: SECOND })
    stops.push(after.kill)
    const me = await fetch(`${after.url}/api/users/me`, {
      headers: { authorization: `JWT ${oldLogin}` },
    })
    expect(((await me.json()) as { user: unknown }).user).toBeNull()

    const answer = await unsubscribe(after.url, link)
    expect(answer.status).toBe(200)
    expect(await answer.text()).toContain('Sie erhalten diese Benachrichtigungen nicht mehr.')
    // Under the new secret the secret-signed link is void; the link key does not change with it.
    expect((await unsubscribe(after.url, secretSigned)).status).toBe(400)

    const { token } = (await (await login(after.url)).json()) as { token: string }
    const status = async (id: number) =>
      (
        (await (
          await fetch(`${after.url}/api/subscriptions/${id}`, {
            headers: { authorization: `JWT ${token}` },
          })
        ).json()) as { status: string }
      ).status
    expect(await status(reader.id)).toBe('unsubscribed')
    expect(await status(old.id)).toBe('confirmed')
  }, 90_000)
})

describe('behind https (CMS_URL https://…)', () => {
  it('sends the login cookie Secure, HttpOnly and SameSite=Lax', async () => {
    const https = await startCmsProcess({
      ...temp.env,
      PAYLOAD_SECRET: SECOND,
      CMS_URL: 'https://cms.example.org',
    })
    stops.push(https.kill)
    const cookie = (await login(https.url)).headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  }, 90_000)
})
