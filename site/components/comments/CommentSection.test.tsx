// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { EDIT_TOKENS_KEY } from './editTokens'
import { seedData } from './test/fakeApi'
import {
  api,
  article,
  COMMENTS,
  fillForm,
  mainForm,
  renderSection,
  setupIsland,
  text,
  user,
} from './test/island'

setupIsland()

describe('comment island', () => {
  it('refetches the live thread on hydration and shows it', async () => {
    api.data.comments.push({
      ...seedData().comments[1]!,
      id: '15',
      author: { name: 'Neu Hinzu', url: null },
      html: '<p>Frisch</p>',
    })
    await renderSection()
    expect(api.calls[0]?.url.searchParams.get('sort')).toBe('oldest')
    expect(api.calls[0]?.headers.get('accept-language')).toBe('de')
    expect(await screen.findByText('Frisch')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Wolfgang Klein antworten' })).toBeTruthy()
  })

  it('shows field errors from a 400 next to their fields and keeps what was typed', async () => {
    api.answer('POST', COMMENTS, () =>
      api.json(
        {
          errors: [
            { field: 'email', message: 'Bitte eine gültige E-Mail-Adresse angeben.' },
            { field: 'body', message: 'Der Kommentar ist zu lang.' },
          ],
        },
        400,
      ),
    )
    await renderSection()
    await fillForm(mainForm(), { email: 'maria@example', body: 'Mein Text' })
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))

    const email = await within(mainForm()).findByLabelText(/^E-Mail/)
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'))
    const describedBy = email.getAttribute('aria-describedby')?.split(' ') ?? []
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Bitte eine gültige E-Mail-Adresse angeben.',
    )
    expect(document.activeElement).toBe(email)
    const body = within(mainForm()).getByLabelText<HTMLTextAreaElement>(/^Kommentar/)
    expect(body.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(body.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Der Kommentar ist zu lang.',
    )
    expect(
      within(mainForm()).getByLabelText<HTMLInputElement>(/^Name/).getAttribute('aria-invalid'),
    ).toBeNull()
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
    expect(post?.body).toEqual({
      name: 'Maria Schulz',
      email: 'maria@example.de',
      body: 'Sehr hilfreicher Beitrag.',
      consent: true,
      formToken: 'form-token-1',
    })
    expect(post?.headers.get('content-type')).toBe('application/json')
    expect(text(article('100'))).toContain('wartet auf Freigabe')
    expect(text(article('100'))).toContain('Sehr hilfreicher Beitrag.')
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe(
      'Danke! Ihr Kommentar wartet auf Freigabe.',
    )
    expect(JSON.parse(localStorage.getItem(EDIT_TOKENS_KEY) ?? '{}')).toMatchObject({
      '100': { token: 'token-100' },
    })
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
    await user.selectOptions(
      within(mainForm()).getByLabelText('Benachrichtige mich zu:'),
      'Antworten auf meinen Kommentar',
    )
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))

    await waitFor(() => expect(document.activeElement?.id).toBe('kommentar-100'))
    expect(api.callsTo('POST', COMMENTS)[0]?.body).toEqual({
      name: 'Maria Schulz',
      email: 'maria@example.de',
      body: 'Sehr hilfreicher Beitrag.',
      consent: true,
      formToken: 'form-token-1',
      notify: 'replies',
    })
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe(
      'Danke! Ihr Kommentar wartet auf Freigabe. Bitte bestätigen Sie die Benachrichtigung über den Link in der E-Mail.',
    )
    // Per comment, like the consent.
    expect(
      within(mainForm()).getByLabelText<HTMLSelectElement>('Benachrichtige mich zu:').value,
    ).toBe('none')
  })

  it('sends the form token of its first GET and leaves the hidden honeypot out', async () => {
    await renderSection({ formToken: 'build-token' })
    // A later GET (another order, a reload after posting) does not restart the fill time.
    await user.click(screen.getByRole('radio', { name: 'Neueste' }))
    await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(2))
    await fillForm(mainForm())
    expect(
      mainForm().querySelector<HTMLInputElement>('input[type=hidden][name=formToken]')?.value,
    ).toBe('build-token')
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))
    await waitFor(() => expect(api.callsTo('POST', COMMENTS)).toHaveLength(1))
    const body = api.callsTo('POST', COMMENTS)[0]?.body as Record<string, unknown>
    expect(body.formToken).toBe('form-token-1')
    expect(body).not.toHaveProperty('homepage')
    // People never reach the honeypot: not by Tab, not by a screen reader.
    const trap = mainForm().querySelector<HTMLInputElement>('input[name=homepage]')!
    expect(trap.tabIndex).toBe(-1)
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull()
  })

  it('falls back to the static form token without a GET answer, and sends a filled honeypot', async () => {
    api.answer('GET', COMMENTS, () => new Response(null, { status: 503 }))
    await renderSection({ formToken: 'build-token' })
    await fillForm(mainForm())
    mainForm().querySelector<HTMLInputElement>('input[name=homepage]')!.value = 'bot'
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))
    await waitFor(() => expect(api.callsTo('POST', COMMENTS)).toHaveLength(1))
    expect(api.callsTo('POST', COMMENTS)[0]?.body).toMatchObject({
      formToken: 'build-token',
      homepage: 'bot',
    })
  })

  it('offers the notification in reply forms too', async () => {
    await renderSection()
    await user.click(screen.getByRole('button', { name: 'Jan Meyer antworten' }))
    const form = screen.getByRole('form', { name: 'Antwort an Jan Meyer' })
    await fillForm(form)
    await user.selectOptions(
      within(form).getByLabelText('Benachrichtige mich zu:'),
      'allen neuen Kommentaren',
    )
    await user.click(within(form).getByRole('button', { name: 'Kommentar abschicken' }))

    await waitFor(() => expect(api.callsTo('POST', COMMENTS)).toHaveLength(1))
    expect(api.callsTo('POST', COMMENTS)[0]?.body).toMatchObject({
      parent: '14',
      notify: 'article',
    })
    await waitFor(() =>
      expect(document.querySelector('[aria-live=polite]')?.textContent).toContain(
        'Bitte bestätigen Sie die Benachrichtigung',
      ),
    )
  })

  it('opens the reply form under a comment, closes it with Escape and posts a reply with parent', async () => {
    api.answer('POST', COMMENTS, (call) => {
      const input = call.body as { name: string; body: string; parent?: string }
      const reply = {
        ...seedData().comments[1]!,
        id: '101',
        parent: input.parent ?? null,
        depth: 2,
        author: { name: input.name, url: null },
        html: `<p>${input.body}</p>`,
      }
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
    expect(form.querySelector<HTMLInputElement>('input[type=hidden][name=parent]')?.value).toBe(
      '12',
    )

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('form', { name: 'Antwort an Wolfgang Klein' })).toBeNull()
    expect(document.activeElement).toBe(replyButton)

    await user.click(replyButton)
    await fillForm(screen.getByRole('form', { name: 'Antwort an Wolfgang Klein' }), {
      body: 'Sehe ich genauso.',
    })
    await user.click(
      within(screen.getByRole('form', { name: 'Antwort an Wolfgang Klein' })).getByRole('button', {
        name: 'Kommentar abschicken',
      }),
    )

    await waitFor(() => expect(document.activeElement?.id).toBe('kommentar-101'))
    expect(api.callsTo('POST', COMMENTS)[0]?.body).toMatchObject({
      parent: '12',
      body: 'Sehe ich genauso.',
    })
    expect(article('12').closest('li')?.querySelector('ol #kommentar-101')).not.toBeNull()
    expect(text(article('101'))).not.toContain('wartet auf Freigabe')
    expect(screen.queryByRole('form', { name: 'Antwort an Wolfgang Klein' })).toBeNull()
    expect(document.querySelector('[aria-live=polite]')?.textContent).toBe(
      'Danke! Ihr Kommentar ist veröffentlicht.',
    )
    // Published: the thread is refetched for the new stats.
    await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(2))
  })

  it('sends reactions with the reader token, without cookies, and updates counts and aria-pressed', async () => {
    await renderSection()
    const up = within(article('12')).getByRole('button', { name: /^Gefällt mir \d/ })
    expect(up.getAttribute('aria-pressed')).toBe('false')
    await user.click(up)

    await waitFor(() => expect(up.getAttribute('aria-pressed')).toBe('true'))
    expect(text(up)).toBe('👍 Gefällt mir 3')
    const [call] = api.callsTo('POST', /\/comments\/12\/reactions$/)
    expect(call?.body).toEqual({ value: 'up' })
    // No cookies: the CMS answers the site's public calls without credentialed CORS.
    expect(call?.credentials).toBeUndefined()
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

  it('refetches with the chosen sort order', async () => {
    await renderSection()
    await user.click(screen.getByRole('radio', { name: 'Neueste' }))

    await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(2))
    expect(api.calls.at(-1)?.url.searchParams.get('sort')).toBe('newest')
    await waitFor(() =>
      expect(document.querySelector('.comment-list > li > article')?.id).toBe('kommentar-14'),
    )
    await user.click(screen.getByRole('radio', { name: 'Beliebteste' }))
    await waitFor(() => expect(api.calls.at(-1)?.url.searchParams.get('sort')).toBe('top'))
    expect((screen.getByRole('radio', { name: 'Beliebteste' }) as HTMLInputElement).checked).toBe(
      true,
    )
  })

  it('shows that comments are closed when the API answers 409', async () => {
    api.answer('POST', COMMENTS, () =>
      api.json(
        {
          errors: [
            { field: 'article', message: 'Die Kommentare zu diesem Beitrag sind geschlossen.' },
          ],
        },
        409,
      ),
    )
    await renderSection()
    await fillForm(mainForm())
    await user.click(within(mainForm()).getByRole('button', { name: 'Kommentar abschicken' }))

    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Hinterlasse einen Kommentar' })).toBeNull(),
    )
    expect(document.activeElement?.textContent).toBe(
      'Die Kommentare zu diesem Beitrag sind geschlossen.',
    )
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
