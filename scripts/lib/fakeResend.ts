import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeEmail = {
  from: string
  to: string[]
  subject: string
  text: string
  html?: string
  headers?: Record<string, string>
}
export type FakeRequest = {
  idempotencyKey: string | undefined
  emails: FakeEmail[]
  status: number
}
/** What the fake answers to the n-th batch request (0-based): a status, maybe a retry-after. */
export type FailurePlan = (n: number) => { status: number; retryAfter?: number } | undefined

/**
 * A stand-in for Resend's API (reached through RESEND_BASE_URL). Like Resend it accepts a batch
 * idempotency key once: a repeat is answered but not delivered again. `delivered` is what
 * recipients would actually get.
 */
export async function startFakeResend(
  options: { plan?: FailurePlan; delayMs?: number; rejects?: (address: string) => boolean } = {},
) {
  const requests: FakeRequest[] = []
  const delivered: FakeEmail[] = []
  const seenKeys = new Set<string>()
  let plan = options.plan
  let firstRequestAt: number | undefined

  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', async () => {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs))
      firstRequestAt ??= Date.now()
      const key = req.headers['idempotency-key'] as string | undefined
      const emails =
        req.url === '/emails/batch' && req.method === 'POST'
          ? (JSON.parse(body) as FakeEmail[])
          : []
      const failure = plan?.(requests.length)
      // Like Resend: one address it refuses (or more than 100 emails) refuses the whole batch.
      const refused =
        emails.length > 100 || emails.some((e) => e.to.some((to) => options.rejects?.(to)))
      const status = failure?.status ?? (refused ? 422 : 200)
      requests.push({ idempotencyKey: key, emails, status })
      if (status !== 200) {
        res.writeHead(status, {
          'content-type': 'application/json',
          ...(failure?.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {}),
        })
        return res.end(
          JSON.stringify({
            statusCode: status,
            name: status === 429 ? 'rate_limit_exceeded' : 'application_error',
            message: `fake ${status}`,
          }),
        )
      }
      if (!key || !seenKeys.has(key)) delivered.push(...emails)
      if (key) seenKeys.add(key)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ data: emails.map((_, i) => ({ id: `fake-${requests.length}-${i}` })) }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    get firstRequestAt() {
      return firstRequestAt
    },
    setPlan: (next: FailurePlan | undefined) => (plan = next),
    to: (address: string) => delivered.filter((e) => e.to.includes(address)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>
