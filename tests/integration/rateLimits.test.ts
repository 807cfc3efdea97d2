import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import { apiPaths, type CreatedComment } from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { agedFormToken } from '../helpers/formToken'
import { publicApi } from '../helpers/publicApi'

/**
 * The product's default limits (not the tests' generous ones), in memory in this process.
 * Every test but the first speaks through its own forwarded addresses (TRUST_PROXY=1), so the
 * tests do not share a client.
 */
const SLUG = 'social-media-nutzen-mittelstand'
let cms: LocalCms
const api = publicApi(() => cms.url)
let addresses = 0
const newAddress = () => `10.1.${Math.floor(++addresses / 250)}.${addresses % 250}`
let emails = 0
/** A comment a real reader would post: its own text, a form shown a while ago (see abuse.test.ts). */
const comment = (email = `leser${++emails}@example.de`) => ({
  name: 'Leser',
  email,
  body: `Noch ein Kommentar, der ${emails}.`,
  consent: true,
  formToken: agedFormToken(),
})
const postComment = (headers: Record<string, string> = {}, email?: string) =>
  api<CreatedComment>('POST', apiPaths.comments(SLUG), comment(email), headers)
const from = (address: string) => ({ 'x-forwarded-for': address })

beforeAll(async () => {
  delete process.env.RATE_LIMITS
  delete process.env.TRUST_PROXY
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
  await cms.payload.updateGlobal({ slug: 'comment-settings', data: { moderation: 'none' } })
})
afterAll(async () => cms?.stop())
afterEach(() => {
  delete process.env.TRUST_PROXY
  vi.useRealTimers()
})

describe('per client', () => {
  it('takes 5 comments a minute from one client, then 429 with Retry-After; a forged X-Forwarded-For does not help', async () => {
    const statuses: number[] = []
    let limited: Awaited<ReturnType<typeof postComment>> | undefined
    for (let i = 0; i < 40; i++) {
      // Without TRUST_PROXY the header is the client's own claim: the socket address counts.
      const answer = await postComment(from(`192.0.2.${i}`))
      statuses.push(answer.status)
      limited ??= answer.status === 429 ? answer : undefined
    }
    expect(statuses).toEqual([...Array<number>(5).fill(201), ...Array<number>(35).fill(429)])
    const retryAfter = Number(limited!.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(limited!.json.errors).toEqual([
      {
        field: 'client',
        message: `Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in ${retryAfter} Sekunden noch einmal.`,
      },
    ])
    const english = await postComment({ 'accept-language': 'en' })
    expect(english.json.errors?.[0]?.message).toMatch(/^Too many requests in a short time/)
    // Reading is not limited.
    expect((await api('GET', apiPaths.comments(SLUG))).status).toBe(200)
  })

  it('with TRUST_PROXY=1 counts each forwarded address as its own client', async () => {
    process.env.TRUST_PROXY = '1'
    const [a, b] = [newAddress(), newAddress()]
    for (let i = 0; i < 5; i++) expect((await postComment(from(a))).status).toBe(201)
    expect((await postComment(from(a))).status).toBe(429)
    // A client cannot pick its own entry: the proxy appends the address it saw, and that counts.
    expect((await postComment(from(`${newAddress()}, ${a}`))).status).toBe(429)
    expect((await postComment(from(b))).status).toBe(201)
  })

  it('allows 30 comments an hour from one client', async () => {
    process.env.TRUST_PROXY = '1'
    vi.useFakeTimers({ toFake: ['Date'] })
    const client = from(newAddress())
    const statuses: number[] = []
    for (let minute = 0; minute < 7; minute++) {
      for (let i = 0; i < 5; i++) statuses.push((await postComment(client)).status)
      vi.setSystemTime(Date.now() + 61_000)
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(30)
    const limited = await postComment(client)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60)
  })

  it('limits reactions to 60 a minute per client', async () => {
    process.env.TRUST_PROXY = '1'
    const created = await postComment(from(newAddress()))
    const id = created.json.comment!.id
    const client = from(newAddress())
    const statuses: number[] = []
    for (let i = 0; i < 61; i++)
      statuses.push(
        (
          await api(
            'POST',
            apiPaths.reactions(id),
            { value: 'up' },
            {
              ...client,
              'x-reader-token': 'leser-token-0123456789',
            },
          )
        ).status,
      )
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true)
    expect(statuses[60]).toBe(429)
  })

  it('limits subscription requests to 5 per client in 10 minutes', async () => {
    process.env.TRUST_PROXY = '1'
    const client = from(newAddress())
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await api(
            'POST',
            apiPaths.subscriptions,
            { email: `abo${i}@example.de`, scope: 'posts', consent: true },
            client,
          )
        ).status,
      )
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429])
  })

  it('limits share clicks to 30 a minute per client', async () => {
    process.env.TRUST_PROXY = '1'
    const client = from(newAddress())
    const statuses: number[] = []
    for (let i = 0; i < 31; i++)
      statuses.push((await api('GET', apiPaths.share(SLUG, 'linkedin'), undefined, client)).status)
    expect(statuses.slice(0, 30).every((s) => s === 302)).toBe(true)
    expect(statuses[30]).toBe(429)
  })
})

describe('a no-JS form over the limit', () => {
  it('gets a short page with the message, Retry-After and a way back', async () => {
    process.env.TRUST_PROXY = '1'
    const client = newAddress()
    const form = (email: string) =>
      fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'x-forwarded-for': client, 'accept-language': 'en' },
        body: new URLSearchParams({ ...comment(email), consent: 'on' }),
      })
    for (let i = 0; i < 5; i++) expect((await form(`form${i}@example.de`)).status).toBe(303)
    const limited = await form('form-last@example.de')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await limited.text()
    expect(page).toContain('Too many requests in a short time.')
    expect(page).toContain('To the website')
  })
})

describe('per email address', () => {
  it('takes 3 comments a minute from one address, whatever client sends them', async () => {
    process.env.TRUST_PROXY = '1'
    const email = 'vielschreiber@example.de'
    const statuses: number[] = []
    let limited: Awaited<ReturnType<typeof postComment>> | undefined
    for (let i = 0; i < 4; i++) {
      const answer = await postComment(from(newAddress()), email)
      statuses.push(answer.status)
      if (answer.status === 429) limited = answer
    }
    expect(statuses).toEqual([201, 201, 201, 429])
    expect(limited!.json.errors?.[0]).toMatchObject({
      field: 'email',
      message: expect.stringMatching(/^Zu viele Anfragen für diese E-Mail-Adresse/),
    })
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0)
    // The same person with another case is the same address.
    expect((await postComment(from(newAddress()), 'VielSchreiber@example.de')).status).toBe(429)
  })

  it('limits subscription requests for one address to 3 in 10 minutes', async () => {
    process.env.TRUST_PROXY = '1'
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await api(
            'POST',
            apiPaths.subscriptions,
            { email: 'abonnent@example.de', scope: 'article', article: SLUG, consent: true },
            from(newAddress()),
          )
        ).status,
      )
    expect(statuses.at(-1)).toBe(429)
  })
})
