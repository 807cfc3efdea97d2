// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PrivacyTools } from './PrivacyTools'

// Payload's admin UI (its CSS imports) does not load outside Next.js: the language is German.
vi.mock('@payloadcms/ui', () => ({ useTranslation: () => ({ i18n: { language: 'de' } }) }))

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** Answers every call with `body` and records what was asked. */
function stubFetch(body: object, status = 200) {
  const calls: { url: string; init: RequestInit }[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return new Response(JSON.stringify(body), { status })
  })
  return calls
}

describe('PrivacyTools', () => {
  it('exports an address with the editor’s cookie and shows the JSON answer', async () => {
    const calls = stubFetch({ mailbox: 'anna@example.de', comments: [{ id: 7 }] })
    render(<PrivacyTools />)
    await userEvent.type(screen.getByLabelText('E-Mail-Adresse'), 'anna@example.de')
    await userEvent.click(screen.getByRole('button', { name: 'Auskunft (JSON)' }))
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe('/api/privacy/export')
    expect(calls[0]!.init.credentials).toBe('include')
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ email: 'anna@example.de' })
    expect((await screen.findByRole('status')).textContent).toContain(
      '"mailbox": "anna@example.de"',
    )
  })

  it('erases only after the editor confirms, and shows the counts', async () => {
    const calls = stubFetch({ commentsAnonymised: 2, subscriptions: 1 })
    const confirm = vi.fn(() => false)
    vi.stubGlobal('confirm', confirm)
    render(<PrivacyTools />)
    await userEvent.type(screen.getByLabelText('E-Mail-Adresse'), 'anna@example.de')
    await userEvent.click(screen.getByRole('button', { name: 'Löschen' }))
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('anna@example.de'))
    expect(calls).toHaveLength(0)
    confirm.mockReturnValue(true)
    await userEvent.click(screen.getByRole('button', { name: 'Löschen' }))
    expect(calls.map((c) => c.url)).toEqual(['/api/privacy/erase'])
    expect((await screen.findByRole('status')).textContent).toContain('"commentsAnonymised": 2')
  })
})
