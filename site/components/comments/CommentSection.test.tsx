// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Lang } from '../../lib/i18n'
import CommentSection from './CommentSection'
import { EDIT_TOKENS_KEY } from './editTokens'
import { API_BASE, fakeApi, seedData, SLUG, type FakeApi } from './test/fakeApi'

const COMMENTS = /\/articles\/[^/]+\/comments$/
let api: FakeApi
let user: UserEvent

beforeEach(() => {
  localStorage.clear()
  window.location.hash = ''
  api = fakeApi()
  vi.stubGlobal('fetch', api.fetch)
  user = userEvent.setup()
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

/** Renders like the hydrated island and waits for its refetch of the live thread. */
async function renderSection(options: { lang?: Lang; commentsOpen?: boolean } = {}) {
  const view = render(<CommentSection slug={SLUG} apiBase={API_BASE} initial={seedData()} {...options} />)
  await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(1))
  return view
}

const article = (id: string) => {
  const element = document.getElementById(`kommentar-${id}`)
  if (!element) throw new Error(`no comment ${id}`)
  return element
}
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim()

async function fillForm(scope: HTMLElement, values: { name?: string; email?: string; body?: string } = {}) {
  const form = within(scope)
  await user.type(form.getByLabelText(/^Name/), values.name ?? 'Maria Schulz')
  await user.type(form.getByLabelText(/^E-Mail/), values.email ?? 'maria@example.de')
  await user.type(form.getByLabelText(/^Kommentar/), values.body ?? 'Sehr hilfreicher Beitrag.')
  await user.click(form.getByRole('checkbox'))
}
const mainForm = () => screen.getByRole('form', { name: 'Hinterlasse einen Kommentar' })

describe('static HTML (server render, no JavaScript)', () => {
  const html = renderToString(<CommentSection slug={SLUG} apiBase={API_BASE} initial={seedData()} />)
  const doc = new DOMParser().parseFromString(html, 'text/html')

  it('contains the approved thread, the stats and the links to the top comments', () => {
    expect(text(doc.querySelector('.comment-stats'))).toContain('2 Kommentar-Threads')
    expect(text(doc.querySelector('.comment-stats'))).toContain('1 Thread-Antworten')
    expect(text(doc.querySelector('.comment-stats'))).toContain('0 Follower')
    expect(text(doc.querySelector('.comment-stats'))).toContain('3 Kommentar-Autoren')
    expect(doc.querySelector('a[href="#kommentar-12"]')?.textContent).toBe('Meistbewerteter Kommentar')
    expect([...doc.querySelectorAll('a[href="#kommentar-12"]')].map((a) => a.textContent)).toContain('Heißester Kommentar-Thread')
    expect(doc.querySelector('article#kommentar-12 .comment-body')?.innerHTML).toBe('<p>Ich berate mittelständische Kunden …</p>')
    expect(doc.querySelector('article#kommentar-12 time')?.getAttribute('datetime')).toBe('2026-11-27T10:00:00.000Z')
    // The reply is nested in its parent's list item.
    expect(doc.querySelector('li:has(> #kommentar-12) ol #kommentar-13')).not.toBeNull()
  })

  it('links authors with rel="nofollow ugc noopener"', () => {
    const link = doc.querySelector('article#kommentar-12 .comment-author a')
    expect(link?.getAttribute('href')).toBe('https://example.com')
    expect(link?.getAttribute('rel')).toBe('nofollow ugc noopener')
    expect(doc.querySelector('article#kommentar-14 .comment-author a')).toBeNull()
  })

  it('has a plain HTML form that posts to the CMS and the notices for its redirect', () => {
    const form = doc.querySelector('form[aria-labelledby="kommentar-schreiben"]')
    expect(form?.getAttribute('method')).toBe('post')
    expect(form?.getAttribute('action')).toBe(`${API_BASE}/api/public/articles/${SLUG}/comments`)
    const names = [...(form?.querySelectorAll('[name]') ?? [])].map((field) => field.getAttribute('name'))
    expect(names).toEqual(['lang', 'name', 'email', 'website', 'body', 'consent', 'notify'])
    // The article's language goes along, so the CMS answers and mails in it.
    expect(form?.querySelector('[name=lang]')?.getAttribute('value')).toBe('de')
    expect(form?.querySelector('[name=consent]')?.getAttribute('value')).toBe('on')
    // "Benachrichtige mich zu:" posts as notify=none|replies|article, none chosen.
    const notify = form?.querySelector('select[name=notify]')
    expect(doc.querySelector(`label[for="${notify?.id}"]`)?.textContent).toBe('Benachrichtige mich zu:')
    expect([...(notify?.querySelectorAll('option') ?? [])].map((o) => [o.getAttribute('value'), o.textContent, o.hasAttribute('selected')])).toEqual([
      ['none', 'nichts', true],
      ['replies', 'Antworten auf meinen Kommentar', false],
      ['article', 'allen neuen Kommentaren', false],
    ])
    expect(doc.getElementById(notify?.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Sie erhalten zuerst eine E-Mail zur Bestätigung.')
    expect(form?.querySelector('a[href="/datenschutz/"]')).not.toBeNull()
    expect(doc.querySelector('#kommentar-wartet[role=status]')?.textContent).toBe('Danke! Ihr Kommentar wartet auf Freigabe.')
    expect(doc.querySelector('#kommentar-veroeffentlicht[role=status]')?.textContent).toBe('Danke! Ihr Kommentar ist veröffentlicht.')
  })

  it('offers no buttons that need JavaScript', () => {
    const buttons = [...doc.querySelectorAll('button')].map((button) => button.textContent)
    expect(buttons).not.toContain('Antworten')
    expect(buttons).not.toContain('Bearbeiten')
    expect(buttons).not.toContain('Löschen')
    expect([...doc.querySelectorAll('.comment-reaction')].every((button) => button.hasAttribute('disabled'))).toBe(true)
  })
})

describe('comment island', () => {
  it('refetches the live thread on hydration and shows it', async () => {
    api.data.comments.push({ ...seedData().comments[1]!, id: '15', author: { name: 'Neu Hinzu', url: null }, html: '<p>Frisch</p>' })
    await renderSection()
    expect(api.calls[0]?.url.searchParams.get('sort')).toBe('oldest')
    expect(api.calls[0]?.headers.get('accept-language')).toBe('de')
    expect(await screen.findByText('Frisch')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Wolfgang Klein antworten' })).toBeTruthy()
  })

  it('shows field errors from a 400 next to their fields and keeps what was typed', async () => {
    api.answer('POST', COMMENTS, () =>
      api.json({ errors: [{ field: 'email', message: 'Bitte eine gültige E-Mail-Adresse angeben.' }, { field: 'body', message: 'Der Kommentar ist zu lang.' }] }, 400),
    )
    await renderSection()
    await fillForm(mainForm(), { email: 'maria@example', body: 'Mein Text' })
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))

    const email = await within(mainForm()).findByLabelText(/^E-Mail/)
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'))
    const describedBy = email.getAttribute('aria-describedby')?.split(' ') ?? []
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('Bitte eine gültige E-Mail-Adresse angeben.')
    expect(document.activeElement).toBe(email)
    const body = within(mainForm()).getByLabelText<HTMLTextAreaElement>(/^Kommentar/)
    expect(body.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(body.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Der Kommentar ist zu lang.')
    expect(within(mainForm()).getByLabelText<HTMLInputElement>(/^Name/).getAttribute('aria-invalid')).toBeNull()
    // Nothing typed is lost.
    expect(within(mainForm()).getByLabelText<HTMLInputElement>(/^Name/).value).toBe('Maria Schulz')
    expect((email as HTMLInputElement).value).toBe('maria@example')
    expect(body.value).toBe('Mein Text')
    expect(within(mainForm()).getByRole<HTMLInputElement>('checkbox').checked).toBe(true)
  })

  it('posts JSON, shows the pending comment to its author only, moves focus there and announces it', async () => {
    await renderSection()
    await fillForm(mainForm())
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))

    await waitFor(() => expect(document.activeElement?.id).toBe('kommentar-100'))
    const [post] = api.callsTo('POST', COMMENTS)
    expect(post?.body).toEqual({ name: 'Maria Schulz', email: 'maria@example.de', body: 'Sehr hilfreicher Beitrag.', consent: true })
    expect(post?.headers.get('content-type')).toBe('application/json')
    expect(text(article('100'))).toContain('wartet auf Freigabe')
    expect(text(article('100'))).toContain('Sehr hilfreicher Beitrag.')
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe('Danke! Ihr Kommentar wartet auf Freigabe.')
    expect(JSON.parse(localStorage.getItem(EDIT_TOKENS_KEY) ?? '{}')).toMatchObject({ '100': { token: 'token-100' } })
    // Own comment: editable, but pending comments take no reactions or replies.
    expect(within(article('100')).getByRole('button', { name: 'Bearbeiten' })).toBeTruthy()
    expect(within(article('100')).queryByRole('button', { name: /Gefällt mir/ })).toBeNull()
    // The form is ready for the next comment: text and consent cleared, name kept.
    expect(within(mainForm()).getByLabelText<HTMLTextAreaElement>(/^Kommentar/).value).toBe('')
    expect(within(mainForm()).getByLabelText<HTMLInputElement>(/^Name/).value).toBe('Maria Schulz')
  })

  it('sends the chosen notification with the comment and asks to confirm it', async () => {
    await renderSection()
    await fillForm(mainForm())
    await user.selectOptions(within(mainForm()).getByLabelText('Benachrichtige mich zu:'), 'Antworten auf meinen Kommentar')
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))

    await waitFor(() => expect(document.activeElement?.id).toBe('kommentar-100'))
    expect(api.callsTo('POST', COMMENTS)[0]?.body).toEqual({
      name: 'Maria Schulz',
      email: 'maria@example.de',
      body: 'Sehr hilfreicher Beitrag.',
      consent: true,
      notify: 'replies',
    })
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe(
      'Danke! Ihr Kommentar wartet auf Freigabe. Bitte bestätigen Sie die Benachrichtigung über den Link in der E-Mail.',
    )
    // Per comment, like the consent.
    expect(within(mainForm()).getByLabelText<HTMLSelectElement>('Benachrichtige mich zu:').value).toBe('none')
  })

  it('offers the notification in reply forms too', async () => {
    await renderSection()
    await user.click(screen.getByRole('button', { name: 'Jan Meyer antworten' }))
    const form = screen.getByRole('form', { name: 'Antwort an Jan Meyer' })
    await fillForm(form)
    await user.selectOptions(within(form).getByLabelText('Benachrichtige mich zu:'), 'allen neuen Kommentaren')
    await user.click(within(form).getByRole('button', { name: 'Kommentar abschicken' }))

    await waitFor(() => expect(api.callsTo('POST', COMMENTS)).toHaveLength(1))
    expect(api.callsTo('POST', COMMENTS)[0]?.body).toMatchObject({ parent: '14', notify: 'article' })
    await waitFor(() => expect(document.querySelector('[aria-live=polite]')?.textContent).toContain('Bitte bestätigen Sie die Benachrichtigung'))
  })

  it('opens the reply form under a comment, closes it with Escape and posts a reply with parent', async () => {
    api.answer('POST', COMMENTS, (call) => {
      const input = call.body as { name: string; body: string; parent?: string }
      const reply = { ...seedData().comments[1]!, id: '101', parent: input.parent ?? null, depth: 2, author: { name: input.name, url: null }, html: `<p>${input.body}</p>` }
      api.data.comments[0]!.replies.push(reply)
      return api.json({ comment: { ...reply, status: 'approved' }, editToken: 'token-101' }, 201)
    })
    await renderSection()
    const replyButton = screen.getByRole('button', { name: 'Wolfgang Klein antworten' })
    await user.click(replyButton)

    const thread = article('12').closest('li') as HTMLElement
    const form = within(thread).getByRole('form', { name: 'Antwort an Wolfgang Klein' })
    expect(replyButton.getAttribute('aria-expanded')).toBe('true')
    expect(document.activeElement).toBe(within(form).getByLabelText(/^Name/))
    expect(form.querySelector<HTMLInputElement>('input[type=hidden][name=parent]')?.value).toBe('12')

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('form', { name: 'Antwort an Wolfgang Klein' })).toBeNull()
    expect(document.activeElement).toBe(replyButton)

    await user.click(replyButton)
    await fillForm(screen.getByRole('form', { name: 'Antwort an Wolfgang Klein' }), { body: 'Sehe ich genauso.' })
    await user.click(within(screen.getByRole('form', { name: 'Antwort an Wolfgang Klein' })).getByRole('button', { name: 'Kommentar abschicken' }))

    await waitFor(() => expect(document.activeElement?.id).toBe('kommentar-101'))
    expect(api.callsTo('POST', COMMENTS)[0]?.body).toMatchObject({ parent: '12', body: 'Sehe ich genauso.' })
    expect(article('12').closest('li')?.querySelector('ol #kommentar-101')).not.toBeNull()
    expect(text(article('101'))).not.toContain('wartet auf Freigabe')
    expect(screen.queryByRole('form', { name: 'Antwort an Wolfgang Klein' })).toBeNull()
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe('Danke! Ihr Kommentar ist veröffentlicht.')
    // Published: the thread is refetched for the new stats.
    await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(2))
  })

  it('sends reactions with the reader token and updates counts and aria-pressed', async () => {
    await renderSection()
    const up = within(article('12')).getByRole('button', { name: /^Gefällt mir \d/ })
    expect(up.getAttribute('aria-pressed')).toBe('false')
    await user.click(up)

    await waitFor(() => expect(up.getAttribute('aria-pressed')).toBe('true'))
    expect(text(up)).toBe('👍 Gefällt mir 3')
    const [call] = api.callsTo('POST', /\/comments\/12\/reactions$/)
    expect(call?.body).toEqual({ value: 'up' })
    expect(call?.credentials).toBe('include')
    const token = call?.headers.get('x-reader-token')
    expect(token).toMatch(/^[0-9a-f-]{36}$/)

    const down = within(article('12')).getByRole('button', { name: /^Gefällt mir nicht/ })
    await user.click(down)
    await waitFor(() => expect(down.getAttribute('aria-pressed')).toBe('true'))
    expect(up.getAttribute('aria-pressed')).toBe('false')
    expect(text(up)).toBe('👍 Gefällt mir 2')
    expect(text(down)).toBe('👎 Gefällt mir nicht 1')
    // The same reader, every time.
    expect(api.callsTo('POST', /\/reactions$/)[1]?.headers.get('x-reader-token')).toBe(token)
  })

  it('offers edit and delete only for own comments younger than 15 minutes', async () => {
    const now = Date.now()
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({ '12': { token: 'fresh', createdAt: now - 5 * 60_000 }, '14': { token: 'old', createdAt: now - 16 * 60_000 } }),
    )
    await renderSection()
    expect(within(article('12')).getByRole('button', { name: 'Bearbeiten' })).toBeTruthy()
    expect(within(article('12')).getByRole('button', { name: 'Löschen' })).toBeTruthy()
    expect(within(article('14')).queryByRole('button', { name: 'Bearbeiten' })).toBeNull()
    expect(within(article('13')).queryByRole('button', { name: 'Löschen' })).toBeNull()
    expect(Object.keys(JSON.parse(localStorage.getItem(EDIT_TOKENS_KEY) ?? '{}') as object)).toEqual(['12'])
  })

  it('hides edit and delete once the 15 minutes are over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    localStorage.setItem(EDIT_TOKENS_KEY, JSON.stringify({ '12': { token: 'fresh', createdAt: Date.now() - 14 * 60_000 } }))
    await renderSection()
    expect(within(article('12')).getByRole('button', { name: 'Bearbeiten' })).toBeTruthy()
    await act(async () => vi.advanceTimersByTime(61_000))
    expect(within(article('12')).queryByRole('button', { name: 'Bearbeiten' })).toBeNull()
  })

  it('edits an own comment with its token (PATCH) and returns focus to the comment', async () => {
    localStorage.setItem(EDIT_TOKENS_KEY, JSON.stringify({ '12': { token: 'geheim', createdAt: Date.now() } }))
    api.answer('PATCH', /\/comments\/12$/, (call) =>
      api.json({ comment: { ...seedData().comments[0]!, replies: [], html: `<p>${(call.body as { body: string }).body}</p>`, editedAt: '2026-11-27T10:05:00.000Z', status: 'approved' } }),
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

  it('closes the edit form with Escape and puts focus back on "Bearbeiten"', async () => {
    localStorage.setItem(EDIT_TOKENS_KEY, JSON.stringify({ '14': { token: 'geheim', createdAt: Date.now() } }))
    await renderSection()
    await user.click(within(article('14')).getByRole('button', { name: 'Bearbeiten' }))
    await user.keyboard('{Escape}')
    expect(within(article('14')).queryByLabelText('Kommentar bearbeiten')).toBeNull()
    expect(document.activeElement).toBe(within(article('14')).getByRole('button', { name: 'Bearbeiten' }))
  })

  it('deletes an own comment after confirmation; one with replies stays as "Kommentar gelöscht"', async () => {
    localStorage.setItem(EDIT_TOKENS_KEY, JSON.stringify({ '12': { token: 'geheim', createdAt: Date.now() } }))
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
    expect(api.callsTo('DELETE', /\/comments\/12$/)[0]?.headers.get('authorization')).toBe('Bearer geheim')
    expect(document.getElementById('kommentar-13')).not.toBeNull()
    expect(localStorage.getItem(EDIT_TOKENS_KEY)).toBe('{}')
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe('Ihr Kommentar wurde gelöscht.')
    // Refetched for the stats; the server's thread agrees.
    await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(2))
    expect(text(article('12'))).toBe('Kommentar gelöscht')
  })

  it('does not delete when the reader cancels the confirmation', async () => {
    localStorage.setItem(EDIT_TOKENS_KEY, JSON.stringify({ '14': { token: 'geheim', createdAt: Date.now() } }))
    vi.stubGlobal('confirm', () => false)
    await renderSection()
    await user.click(within(article('14')).getByRole('button', { name: 'Löschen' }))
    expect(api.callsTo('DELETE', /.*/)).toHaveLength(0)
    expect(text(article('14'))).toContain('Jan Meyer')
  })

  it('refetches with the chosen sort order', async () => {
    await renderSection()
    await user.click(screen.getByRole('radio', { name: 'Neueste' }))

    await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(2))
    expect(api.calls.at(-1)?.url.searchParams.get('sort')).toBe('newest')
    await waitFor(() => expect(document.querySelector('.comment-list > li > article')?.id).toBe('kommentar-14'))
    await user.click(screen.getByRole('radio', { name: 'Beliebteste' }))
    await waitFor(() => expect(api.calls.at(-1)?.url.searchParams.get('sort')).toBe('top'))
    expect((screen.getByRole('radio', { name: 'Beliebteste' }) as HTMLInputElement).checked).toBe(true)
  })

  it('shows that comments are closed when the API answers 409', async () => {
    api.answer('POST', COMMENTS, () => api.json({ errors: [{ field: 'article', message: 'Die Kommentare zu diesem Beitrag sind geschlossen.' }] }, 409))
    await renderSection()
    await fillForm(mainForm())
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Hinterlasse einen Kommentar' })).toBeNull())
    expect(document.activeElement?.textContent).toBe('Die Kommentare zu diesem Beitrag sind geschlossen.')
    expect(screen.queryByRole('button', { name: /antworten$/ })).toBeNull()
  })

  it('speaks English on English articles', async () => {
    await renderSection({ lang: 'en' })
    expect(api.calls[0]?.headers.get('accept-language')).toBe('en')
    expect(screen.getByRole('heading', { name: 'Leave a comment' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Post comment' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Reply to Wolfgang Klein' })).toBeTruthy()
    expect(text(document.querySelector('.comment-stats'))).toContain('2 Comment threads')
  })
})
