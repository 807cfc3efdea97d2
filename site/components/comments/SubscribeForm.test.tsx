// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import CommentSection from './CommentSection'
import { API_BASE, seedData, SLUG } from './test/fakeApi'
import { api, renderSection, setupIsland, text, user } from './test/island'

const SUBSCRIPTIONS = /^\/api\/public\/subscriptions$/
const REQUESTED = 'Wenn die Adresse abonniert werden kann, ist eine Bestätigungs-E-Mail unterwegs.'
const THROTTLED =
  'Für diese Adresse wurden gerade schon Bestätigungen verschickt. Bitte versuchen Sie es später noch einmal.'

setupIsland()

/** Opens "Abonnieren" and fills it in; returns the form. */
async function fillSubscribe(values: { email?: string; scope?: RegExp } = {}) {
  await user.click(screen.getByText('Abonnieren', { selector: 'summary' }))
  const form = within(screen.getByRole('form', { name: 'Abonnieren' }))
  await user.type(form.getByLabelText(/^E-Mail/), values.email ?? 'maria@example.de')
  if (values.scope) await user.click(form.getByRole('radio', { name: values.scope }))
  await user.click(form.getByRole('checkbox'))
  return form
}
const send = (form: ReturnType<typeof within>) =>
  user.click(form.getByRole('button', { name: 'Abonnieren' }))

describe('subscribe form without JavaScript', () => {
  const html = renderToString(
    <CommentSection slug={SLUG} apiBase={API_BASE} initial={seedData()} />,
  )
  const doc = new DOMParser().parseFromString(html, 'text/html')

  it('is a plain HTML form that posts to the CMS, with the article, and the notice for its redirect', () => {
    const form = doc.querySelector('details.comment-subscribe form')
    expect(doc.querySelector('details.comment-subscribe summary')?.textContent).toBe('Abonnieren')
    expect(form?.getAttribute('method')).toBe('post')
    expect(form?.getAttribute('action')).toBe(`${API_BASE}/api/public/subscriptions`)
    expect(
      [...(form?.querySelectorAll('[name]') ?? [])].map((field) => field.getAttribute('name')),
    ).toEqual(['article', 'lang', 'email', 'scope', 'scope', 'consent'])
    expect(
      form
        ?.querySelector<HTMLInputElement>('input[type=hidden][name=article]')
        ?.getAttribute('value'),
    ).toBe(SLUG)
    expect(form?.querySelector('input[name=scope][checked]')?.getAttribute('value')).toBe('article')
    expect(text(form?.querySelector('fieldset'))).toBe(
      'Benachrichtige mich über: neue Kommentare zu diesem Artikel neue Artikel',
    )
    expect(form?.querySelector('[name=consent]')?.getAttribute('value')).toBe('on')
    expect(text(form?.querySelector('.comment-consent label'))).toBe(
      'Ich möchte per E-Mail benachrichtigt werden und kann das jederzeit abbestellen (Datenschutzerklärung). *',
    )
    expect(form?.querySelector('.comment-consent a')?.getAttribute('href')).toBe('/datenschutz/')
    expect(doc.querySelector('#abo-angefragt.comment-notice[role=status]')?.textContent).toBe(
      REQUESTED,
    )
  })
})

describe('subscribe form', () => {
  it('asks for new comments on this article with the slug and shows the answer', async () => {
    await renderSection()
    const form = await fillSubscribe()
    await send(form)

    await waitFor(() => expect(form.getByRole('status').textContent).toBe(REQUESTED))
    const [call] = api.callsTo('POST', SUBSCRIPTIONS)
    expect(call?.url.href).toBe(`${API_BASE}/api/public/subscriptions`)
    expect(call?.body).toEqual({
      email: 'maria@example.de',
      scope: 'article',
      article: SLUG,
      consent: true,
    })
    expect(call?.headers.get('content-type')).toBe('application/json')
    expect(call?.headers.get('accept-language')).toBe('de')
    // The address stays, the consent is per request.
    expect(form.getByLabelText<HTMLInputElement>(/^E-Mail/).value).toBe('maria@example.de')
    expect(form.getByRole<HTMLInputElement>('checkbox').checked).toBe(false)
  })

  it('asks for new articles without an article', async () => {
    api.answer('POST', SUBSCRIPTIONS, () =>
      api.json(
        { status: 'confirmed', message: 'Diese Adresse erhält diese Benachrichtigungen bereits.' },
        202,
      ),
    )
    await renderSection()
    const form = await fillSubscribe({ scope: /^neue Artikel/ })
    await send(form)

    await waitFor(() =>
      expect(form.getByRole('status').textContent).toBe(
        'Diese Adresse erhält diese Benachrichtigungen bereits.',
      ),
    )
    expect(api.callsTo('POST', SUBSCRIPTIONS)[0]?.body).toEqual({
      email: 'maria@example.de',
      scope: 'posts',
      consent: true,
    })
  })

  it('shows field errors from a 400 next to their fields and keeps the typed address', async () => {
    api.answer('POST', SUBSCRIPTIONS, () =>
      api.json(
        {
          errors: [
            { field: 'email', message: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' },
            { field: 'consent', message: 'Bitte stimmen Sie den E-Mail-Benachrichtigungen zu.' },
          ],
        },
        400,
      ),
    )
    await renderSection()
    const form = await fillSubscribe({ email: 'maria@example' })
    await send(form)

    const email = form.getByLabelText<HTMLInputElement>(/^E-Mail/)
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'))
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Bitte geben Sie eine gültige E-Mail-Adresse an.',
    )
    expect(document.activeElement).toBe(email)
    const consent = form.getByRole('checkbox')
    expect(consent.getAttribute('aria-invalid')).toBe('true')
    expect(
      document.getElementById(consent.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Bitte stimmen Sie den E-Mail-Benachrichtigungen zu.')
    expect(email.value).toBe('maria@example')
    expect(form.getByRole('status').textContent).toBe('')
  })

  it('shows the throttle message of a 429 and keeps the typed address', async () => {
    api.answer('POST', SUBSCRIPTIONS, () =>
      api.json({ errors: [{ field: 'email', message: THROTTLED }] }, 429),
    )
    await renderSection()
    const form = await fillSubscribe()
    await send(form)

    const email = form.getByLabelText<HTMLInputElement>(/^E-Mail/)
    await waitFor(() =>
      expect(
        document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent,
      ).toBe(THROTTLED),
    )
    expect(email.value).toBe('maria@example.de')
    expect(form.getByRole('status').textContent).toBe('')
  })

  it('shows errors without a field, such as an unreachable server, on top of the form', async () => {
    api.answer('POST', SUBSCRIPTIONS, () => {
      throw new TypeError('Failed to fetch')
    })
    await renderSection()
    const form = await fillSubscribe()
    await send(form)

    const alert = await form.findByRole('alert')
    expect(alert.textContent).toBe(
      'Der Kommentar-Server ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
    )
    expect(document.activeElement).toBe(alert)
  })

  it('speaks English on English articles', async () => {
    await renderSection({ lang: 'en' })
    await user.click(screen.getByText('Subscribe', { selector: 'summary' }))
    const form = within(screen.getByRole('form', { name: 'Subscribe' }))
    expect(form.getByRole('radio', { name: 'new comments on this article' })).toBeTruthy()
    expect(form.getByRole('button', { name: 'Subscribe' })).toBeTruthy()
    expect(document.getElementById('abo-angefragt')?.textContent).toBe(
      'If the address can be subscribed, a confirmation email is on its way',
    )
  })
})
