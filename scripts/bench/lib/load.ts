/**
 * One autocannon load, in a process of its own (so two loads can run at once, and the bench's
 * memory sampler never competes with the load generator's event loop). Argument: a LoadSpec as
 * JSON. Prints one line `LOAD {json}` with a LoadResult.
 */
import autocannon from 'autocannon'
import type { LoadResult, LoadSpec } from './runLoad'

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec
let sequence = 0
/** The numbers of the POSTs answered 201, to find each one in the database afterwards. */
const created: number[] = []
/** …and of those answered with another status (they must not be stored). */
const refused: number[] = []

/**
 * Each POST a new reader behind the one trusted proxy (the server runs with TRUST_PROXY=1): its own
 * forwarded address, so no reader comes near the per-client limit (5 a minute), and its own email
 * address, so the policy "first" holds every one of them and none nears the per-email limit. The
 * addresses start at a random point, so two loads in one run (warm-up, burst) rarely share one.
 */
const firstAddress = Math.floor(Math.random() * 2 ** 23)
const forwardedFor = (n: number) => {
  const a = (firstAddress + n) % 2 ** 24
  return `10.${a >> 16}.${(a >> 8) & 255}.${a & 255}`
}
const postComment: autocannon.Request['setupRequest'] = (request, context) => {
  const n = sequence++
  ;(context as { n?: number }).n = n
  return {
    ...request,
    headers: { ...request.headers, 'x-forwarded-for': forwardedFor(n) },
    body: JSON.stringify({
      name: `Lastleser ${n}`,
      email: `last-${spec.postComments!.tag}-${n}@burst.example`,
      body: `Kommentar ${n} aus dem Lasttest: Das deckt sich mit *unseren* Erfahrungen.`,
      consent: true,
      formToken: spec.postComments!.formToken,
    }),
  }
}

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration ?? 10 }),
  timeout: spec.timeoutSeconds ?? 10,
  ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
  headers: spec.headers ?? {},
  requests: [
    spec.postComments
      ? {
          method: 'POST',
          headers: { ...spec.headers, 'content-type': 'application/json' },
          setupRequest: postComment,
          onResponse: (status, _body, context) => {
            const { n } = context as { n?: number }
            if (n !== undefined) (status === 201 ? created : refused).push(n)
          },
        }
      : { method: 'GET' },
  ],
})

const statusCodes = Object.fromEntries(
  Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
)
const expected = statusCodes[String(spec.expectStatus)] ?? 0
const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0)
const load: LoadResult = {
  seconds: result.duration,
  rps: result.requests.average,
  expectedPerSecond: expected / result.duration,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  answered,
  expected,
  unexpected: answered - expected,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes,
  sent: sequence,
  inFlightAtStop: Math.max(0, result.requests.sent - answered - result.errors),
  cpuSeconds: ((usage) => (usage.user + usage.system) / 1e6)(process.cpuUsage()),
  created,
  refused,
}
console.log(`LOAD ${JSON.stringify(load)}`)
process.exit(0)
