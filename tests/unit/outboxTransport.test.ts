import { afterEach, describe, expect, it, vi } from 'vitest'
import { outboxTransport, transport } from '../../cms/email/transport'

afterEach(() => vi.restoreAllMocks())

describe('the dev outbox (no RESEND_API_KEY)', () => {
  it('is used without an API key and prints one line per batch, never a link (confirmation links are secrets)', async () => {
    delete process.env.RESEND_API_KEY
    expect(transport().name).toBe('outbox')
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const result = await outboxTransport.sendBatch(
      [
        {
          to: 'leser@example.de',
          subject: 'Bitte bestätigen',
          text: 'Hallo,\n\nBestätigen: http://localhost:3000/api/public/subscriptions/confirm?token=abc\n',
        },
        { to: 'redaktion@example.de', subject: 'Kommentar wartet', text: 'ohne Link' },
      ],
      'key-1',
    )
    expect(result).toEqual({ ok: true })
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      '[E-Mail] 2× „Bitte bestätigen“ an leser@example.de und 1 weitere (im Admin: E-Mail-Ausgang)',
    ])
  })

  it('switches to Resend when a key is set', () => {
    process.env.RESEND_API_KEY = 're_test'
    expect(transport().name).toBe('resend')
    delete process.env.RESEND_API_KEY
  })
})
