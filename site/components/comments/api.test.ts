import { afterEach, describe, expect, it, vi } from 'vitest'
import { FORM_TOKEN_HEADER } from '../../../contract'
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
})
