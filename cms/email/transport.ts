import { Resend } from 'resend'
import { maskEmail, redact } from '../utilities/maskEmail'
import { mailSettings } from './settings'

export type Email = {
  to: string
  subject: string
  text: string
  html?: string | null
  headers?: Record<string, string>
}

/**
 * `permanent`: retrying the same request cannot help. `perRecipient`: the provider refused the
 * request for what is in it (one bad address): the rest may go through on their own.
 */
export type SendOutcome =
  | { ok: true }
  | {
      ok: false
      permanent: boolean
      perRecipient?: boolean
      retryAfterMs?: number
      message: string
    }

/** Sends one batch request; the idempotency key makes a repeated request a no-op at the provider. */
export type Transport = {
  name: string
  sendBatch: (emails: Email[], idempotencyKey: string) => Promise<SendOutcome>
}

/** Resend through its SDK (which honours RESEND_BASE_URL, so tests can point it at a fake). */
export function resendTransport(apiKey: string, from: string): Transport {
  const resend = new Resend(apiKey)
  return {
    name: 'resend',
    async sendBatch(emails, idempotencyKey) {
      const { error, headers } = await resend.batch.send(
        emails.map((e) => ({
          from,
          to: [e.to],
          subject: e.subject,
          text: e.text,
          html: e.html ?? undefined,
          headers: e.headers,
        })),
        { idempotencyKey },
      )
      if (!error) return { ok: true }
      const status =
        'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : null
      const retryAfter = Number(headers?.['retry-after'])
      return {
        ok: false,
        // Network errors, 429, 409 (a concurrent request with the same key) and 5xx are worth retrying.
        permanent:
          status !== null && status >= 400 && status < 500 && status !== 429 && status !== 409,
        // 400/422: the content was refused (an address Resend rejects); 401/403 (key, domain) hold for all.
        perRecipient: status === 400 || status === 422,
        retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
        // Stored on the rows and logged: Resend names the refused address in its message.
        message: redact(`${status ?? 'network'}: ${error.message}`),
      }
    },
  }
}

/**
 * The console line for a batch in the dev outbox: count, subject, first recipient masked. The
 * first link (a confirmation link is a secret) only under `npm run dev` (NODE_ENV=development),
 * where the developer is the reader; never in production or tests.
 */
export function outboxLine(
  emails: Email[],
  env: Record<string, string | undefined> = process.env,
): string | null {
  const [first] = emails
  if (!first) return null
  const others = emails.length > 1 ? ` und ${emails.length - 1} weitere` : ''
  const link = env.NODE_ENV === 'development' ? /https?:\/\/\S+/.exec(first.text)?.[0] : undefined
  return (
    `[E-Mail] ${emails.length}× „${first.subject}“ an ${maskEmail(first.to)}${others} (im Admin: E-Mail-Ausgang)` +
    (link ? `\n         ${link}` : '')
  )
}

/** The local default: the emails are already in the outbox (admin: "E-Mail-Ausgang"). */
export const outboxTransport: Transport = {
  name: 'outbox',
  async sendBatch(emails) {
    const line = outboxLine(emails)
    if (line) console.log(line)
    return { ok: true }
  },
}

export function transport(): Transport {
  const { apiKey, from } = mailSettings()
  return apiKey ? resendTransport(apiKey, from) : outboxTransport
}
