// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react'
import type { Payload, ServerComponentProps } from 'payload'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MailStatusBanner } from './MailStatusBanner'

// Payload's admin UI (its CSS imports) does not load outside Next.js: a plain Banner stands in.
vi.mock('@payloadcms/ui', () => ({ Banner: ({ children }: { children: ReactNode }) => children }))

afterEach(() => vi.unstubAllEnvs())

/** A Local API that answers the banner's reads: `sent` today, `failed` rows failing since `since`. */
function fakePayload({ sent, failed, since }: { sent: number; failed: number; since?: string }) {
  const payload = {
    count: async ({ where }: { where: unknown }) => {
      const text = JSON.stringify(where)
      if (text.includes('"sent"')) return { totalDocs: sent }
      if (text.includes('"failed"') && !text.includes('pending')) return { totalDocs: failed }
      return { totalDocs: 0 }
    },
    find: async () => ({
      docs: since ? [{ firstFailedAt: since, lastError: '401: API key is invalid' }] : [],
    }),
  }
  return { payload: payload as unknown as Payload } as ServerComponentProps
}

describe('MailStatusBanner', () => {
  it('renders nothing when all is well', async () => {
    expect(await MailStatusBanner(fakePayload({ sent: 3, failed: 0 }))).toBeNull()
  })

  it('shows the failure warning, the budget info and "resend all"', async () => {
    vi.stubEnv('MAIL_DAILY_LIMIT', '10')
    const since = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString()
    render(await MailStatusBanner(fakePayload({ sent: 10, failed: 4, since })))
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Der E-Mail-Versand schlägt seit .+ fehl: 401: API key is invalid$/,
    )
    expect(screen.getAllByRole('status')[0]!.textContent).toMatch(
      /^Tagesbudget erreicht: 10 von 10/,
    )
    expect(screen.getByRole('button').textContent).toBe('Alle fehlgeschlagenen erneut senden (4)')
  })
})
