// @vitest-environment happy-dom
import { act, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { EDIT_TOKENS_KEY } from './editTokens'
import { seedData } from './test/fakeApi'
import { api, article, COMMENTS, renderSection, setupIsland, text, user } from './test/island'

setupIsland()

/** A reader's own comments: edit and delete with the token, within 15 minutes. */
describe('own comments', () => {
  it('offers edit and delete only for own comments younger than 15 minutes', async () => {
    const now = Date.now()
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({
        '12': { token: 'fresh', createdAt: now - 5 * 60_000 },
        '14': { token: 'old', createdAt: now - 16 * 60_000 },
      }),
    )
    await renderSection()
    expect(within(article('12')).getByRole('button', { name: 'Bearbeiten' })).toBeTruthy()
    expect(within(article('12')).getByRole('button', { name: 'Löschen' })).toBeTruthy()
    expect(within(article('14')).queryByRole('button', { name: 'Bearbeiten' })).toBeNull()
    expect(within(article('13')).queryByRole('button', { name: 'Löschen' })).toBeNull()
    expect(
      Object.keys(JSON.parse(localStorage.getItem(EDIT_TOKENS_KEY) ?? '{}') as object),
    ).toEqual(['12'])
  })

  it('hides edit and delete once the 15 minutes are over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({ '12': { token: 'fresh', createdAt: Date.now() - 14 * 60_000 } }),
    )
    await renderSection()
    expect(within(article('12')).getByRole('button', { name: 'Bearbeiten' })).toBeTruthy()
    await act(async () => vi.advanceTimersByTime(61_000))
    expect(within(article('12')).queryByRole('button', { name: 'Bearbeiten' })).toBeNull()
  })

  it('edits an own comment with its token (PATCH) and returns focus to the comment', async () => {
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({ '12': { token: 'geheim', createdAt: Date.now() } }),
    )
    api.answer('PATCH', /\/comments\/12$/, (call) =>
      api.json({
        comment: {
          ...seedData().comments[0]!,
          replies: [],
          html: `<p>${(call.body as { body: string }).body}</p>`,
          editedAt: '2026-11-27T10:05:00.000Z',
          status: 'approved',
        },
      }),
    )
    await renderSection()
    await user.click(within(article('12')).getByRole('button', { name: 'Bearbeiten' }))
    const field = within(article('12')).getByLabelText<HTMLTextAreaElement>('Kommentar bearbeiten')
    expect(field.value).toBe('Ich berate mittelständische Kunden …')
    expect(document.activeElement).toBe(field)
    await user.clear(field)
    await user.type(field, 'Korrigierter Text')
    await user.click(within(article('12')).getByRole('button', { name: 'Speichern' }))

    await waitFor(() => expect(text(article('12'))).toContain('Korrigierter Text'))
    const [patch] = api.callsTo('PATCH', /\/comments\/12$/)
    expect(patch?.headers.get('authorization')).toBe('Bearer geheim')
    expect(patch?.body).toEqual({ body: 'Korrigierter Text' })
    expect(text(article('12'))).toContain('(bearbeitet)')
    expect(document.activeElement).toBe(article('12'))
    // The reply survived the update of its parent.
    expect(document.getElementById('kommentar-13')).not.toBeNull()
  })

  it('shows an edit the moderation holds again as waiting, to its author only, and says so', async () => {
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({ '14': { token: 'geheim', createdAt: Date.now() } }),
    )
    api.answer('PATCH', /\/comments\/14$/, () =>
      api.json({
        comment: {
          ...seedData().comments[1]!,
          html: '<p>Ganz anders</p>',
          editedAt: '2026-11-27T10:05:00.000Z',
          status: 'pending',
        },
      }),
    )
    await renderSection()
    await user.click(within(article('14')).getByRole('button', { name: 'Bearbeiten' }))
    const field = within(article('14')).getByLabelText<HTMLTextAreaElement>('Kommentar bearbeiten')
    await user.clear(field)
    await user.type(field, 'Ganz anders')
    await user.click(within(article('14')).getByRole('button', { name: 'Speichern' }))

    await waitFor(() => expect(text(article('14'))).toContain('wartet auf Freigabe'))
    expect(text(article('14'))).toContain('Ganz anders')
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe(
      'Ihr Kommentar wurde geändert und wartet wieder auf Freigabe. Bis dahin sehen nur Sie ihn.',
    )
  })

  it('closes the edit form with Escape and puts focus back on "Bearbeiten"', async () => {
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({ '14': { token: 'geheim', createdAt: Date.now() } }),
    )
    await renderSection()
    await user.click(within(article('14')).getByRole('button', { name: 'Bearbeiten' }))
    await user.keyboard('{Escape}')
    expect(within(article('14')).queryByLabelText('Kommentar bearbeiten')).toBeNull()
    expect(document.activeElement).toBe(
      within(article('14')).getByRole('button', { name: 'Bearbeiten' }),
    )
  })

  it('deletes an own comment after confirmation; one with replies stays as "Kommentar gelöscht"', async () => {
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({ '12': { token: 'geheim', createdAt: Date.now() } }),
    )
    api.answer('DELETE', /\/comments\/12$/, () => {
      api.data.comments[0] = { ...api.data.comments[0]!, deleted: true, author: null, html: '' }
      return new Response(null, { status: 204 })
    })
    const confirm = vi.fn(() => true)
    vi.stubGlobal('confirm', confirm)
    await renderSection()
    await user.click(within(article('12')).getByRole('button', { name: 'Löschen' }))

    await waitFor(() => expect(text(article('12'))).toBe('Kommentar gelöscht'))
    expect(document.activeElement).toBe(article('12'))
    expect(confirm).toHaveBeenCalledWith('Diesen Kommentar wirklich löschen?')
    expect(api.callsTo('DELETE', /\/comments\/12$/)[0]?.headers.get('authorization')).toBe(
      'Bearer geheim',
    )
    expect(document.getElementById('kommentar-13')).not.toBeNull()
    expect(localStorage.getItem(EDIT_TOKENS_KEY)).toBe('{}')
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe(
      'Ihr Kommentar wurde gelöscht.',
    )
    // Refetched for the stats; the server's thread agrees.
    await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(2))
    expect(text(article('12'))).toBe('Kommentar gelöscht')
  })

  it('does not delete when the reader cancels the confirmation', async () => {
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({ '14': { token: 'geheim', createdAt: Date.now() } }),
    )
    vi.stubGlobal('confirm', () => false)
    await renderSection()
    await user.click(within(article('14')).getByRole('button', { name: 'Löschen' }))
    expect(api.callsTo('DELETE', /.*/)).toHaveLength(0)
    expect(text(article('14'))).toContain('Jan Meyer')
  })
})
