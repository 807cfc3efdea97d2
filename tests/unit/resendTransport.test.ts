import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { resendTransport } from '../../cms/email/transport'

/** A provider that refuses every batch naming the address, as Resend's validation errors do. */
let server: http.Server
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(422, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        statusCode: 422,
        name: 'validation_error',
        message: 'Invalid `to` field: anna.berger@example.de is not a valid address',
      }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  delete process.env.RESEND_BASE_URL
  server.close()
})

it("stores and logs Resend's refusal without the address it names", async () => {
  const outcome = await resendTransport('re_test', 'blog@example.de').sendBatch(
    [{ to: 'anna.berger@example.de', subject: 'Hallo', text: 'Text' }],
    'key-1',
  )
  expect(outcome).toMatchObject({ ok: false, perRecipient: true })
  const message = outcome.ok ? '' : outcome.message
  expect(message).toBe('422: Invalid `to` field: a…@example.de is not a valid address')
})
