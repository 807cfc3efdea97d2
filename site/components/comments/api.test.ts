import { afterEach, describe, expect, it, vi } from 'vitest'
import { FORM_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER } from '../../../contract'
import { commentsApi, type NewComment } from './api'

const comment: NewComment = {
  name: 'Anna',
  email: 'anna@example.de',
  website: '',
  parent: null,
  body: 'Eine Woche offen.',
  notify: 'none',
  formToken: 'static.token',
  homepage: '',
}
const sentKey = (call: unknown[]) =>
  new Headers((call[1] as RequestInit).headers).get(IDEMPOTENCY_KEY_HEADER)
const sentToken = (call: unknown[]) =>
  (JSON.parse(String((call[1] as RequestInit).body)) as { formToken?: string }).formToken

afterEach(() => vi.unstubAllGlobals())

describe('commentsApi.post', () => {
  it('sends again with the token the CMS renewed when it refused an expired one', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        Response.json(
          { errors: [{ field: 'formToken', message: 'zu lange geöffnet' }] },
          { status: 400, headers: { [FORM_TOKEN_HEADER]: 'renewed.token' } },
        ),
      )
      .mockResolvedValueOnce(Response.json({ comment: {}, editToken: 'e' }, { status: 201 }))
    vi.stubGlobal('fetch', fetchMock)
    const api = commentsApi('https://cms.example', 'artikel', 'de')

    const refused = await api.post(comment)
    expect(refused).toMatchObject({ ok: false, status: 400, errors: [{ field: 'formToken' }] })
    expect(sentToken(fetchMock.mock.calls[0]!)).toBe('static.token')

    expect(await api.post(comment)).toMatchObject({ ok: true, status: 201 })
    expect(sentToken(fetchMock.mock.calls[1]!)).toBe('renewed.token')
  })

  it('retries a submission with its key, and gives the next submission a new one', async () => {
    const created = () => Response.json({ comment: {}, editToken: 'e' }, { status: 201 })
    const fetchMock = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('network'))
      .mockResolvedValueOnce(Response.json({ errors: [] }, { status: 503 }))
      .mockResolvedValueOnce(created())
      .mockResolvedValueOnce(created())
      .mockResolvedValueOnce(created())
    vi.stubGlobal('fetch', fetchMock)
    const api = commentsApi('https://cms.example', 'artikel', 'de')

    expect(await api.post(comment)).toMatchObject({ ok: false, status: 0 })
    expect(await api.post(comment)).toMatchObject({ ok: false, status: 503 })
    expect(await api.post(comment)).toMatchObject({ ok: true, status: 201 })
    const [first, second, third] = fetchMock.mock.calls.map(sentKey)
    expect(first).toMatch(/^[0-9a-f]{32}$/)
    expect([second, third]).toEqual([first, first])

    // Once answered, the same text again is a new comment; other text is one too.
    await api.post(comment)
    await api.post({ ...comment, body: 'Etwas anderes.' })
    const [fourth, fifth] = fetchMock.mock.calls.slice(3).map(sentKey)
    expect(new Set([first, fourth, fifth]).size).toBe(3)
  })
})
