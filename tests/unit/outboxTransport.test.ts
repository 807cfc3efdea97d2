import { afterEach, describe, expect, it, vi } from 'vitest'
import { outboxLine, outboxTransport, transport, type Email } from '../../cms/email/transport'

afterEach(() => vi.restoreAllMocks())

const TOKEN = 'eyJzdWIiOiJsZXNlckBleGFtcGxlLmRlIn0.c2lnbmF0dXJl'
const batch: Email[] = [
  {
    to: 'leser@example.de',
    subject: 'Bitte bestätigen',
    text: `Hallo,\n\nBestätigen: http://localhost:3000/api/public/subscriptions/confirm?token=${TOKEN}\n`,
  },
  { to: 'redaktion@example.de', subject: 'Kommentar wartet', text: 'ohne Link' },
]

describe('the dev outbox (no RESEND_API_KEY)', () => {
  it('is used without an API key and prints one line per batch: no full address, no link (confirmation links are secrets)', async () => {
    delete process.env.RESEND_API_KEY
    expect(transport().name).toBe('outbox')
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const result = await outboxTransport.sendBatch(batch, 'key-1')
    expect(result).toEqual({ ok: true })
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      '[E-Mail] 2× „Bitte bestätigen“ an l…@example.de und 1 weitere (im Admin: E-Mail-Ausgang)',
    ])
  })

  it('never shows the token in production or tests, only under `npm run dev`', () => {
    for (const NODE_ENV of ['production', 'test', undefined]) {
      const line = outboxLine(batch, { NODE_ENV })!
      expect(line).not.toContain(TOKEN)
      expect(line).not.toContain('leser@')
    }
    const dev = outboxLine(batch, { NODE_ENV: 'development' })!
    expect(dev).not.toContain('leser@')
    expect(dev.split('\n')[1]?.trim()).toBe(
      `http://localhost:3000/api/public/subscriptions/confirm?token=${TOKEN}`,
    )
  })

  it('switches to Resend when a key is set', () => {
    process.env.RESEND_API_KEY = 're_test'
    expect(transport().name).toBe('resend')
    delete process.env.RESEND_API_KEY
  })
})
