/**
 * `npm run bench:fanout`: one approved comment fanned out to BENCH_SUBSCRIBERS (default 10,000)
 * confirmed followers, against a fake Resend at RESEND_RATE requests/s (default 2, Resend's limit).
 * 100 emails a batch at 2 batches/s puts the floor at 50 s for 10,000.
 */
import { recordResult } from '../lib/benchResults'
import { eventually } from '../lib/eventually'
import { startFakeResend } from '../lib/fakeResend'
import { startLocalCms } from '../lib/localCms'
import { postComment, seedSubscribers } from '../lib/seedSubscribers'

const count = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)
const resend = await startFakeResend()
Object.assign(process.env, {
  RESEND_API_KEY: 're_bench',
  RESEND_BASE_URL: resend.url,
  RESEND_RATE: process.env.RESEND_RATE ?? '2',
  // The fan-out itself is measured, not the daily budget (default 1,000).
  MAIL_DAILY_LIMIT: process.env.MAIL_DAILY_LIMIT ?? '1000000',
  LOG_LEVEL: 'warn',
})
const cms = await startLocalCms()

let t = Date.now()
await seedSubscribers(cms.payload, count)
console.log(`seeded ${count} confirmed subscribers in ${((Date.now() - t) / 1000).toFixed(1)} s`)

t = Date.now()
const id = await postComment(cms.url)
const posted = Date.now() - t
const delivered = () => resend.delivered.filter((m) => m.text.includes(`#kommentar-${id}`)).length
await eventually(async () => {
  const queued = (
    await cms.payload.count({
      collection: 'email-deliveries',
      where: { eventKey: { equals: `comment:${id}` } },
    })
  ).totalDocs
  if (queued < count) throw new Error('not yet queued')
}, 600_000)
const queuedAt = Date.now() - t
await eventually(() => {
  if (delivered() < count) throw new Error('not yet delivered')
}, 900_000)
const total = Date.now() - t
const requests = resend.requests.filter((r) =>
  r.emails.some((m) => m.text.includes(`#kommentar-${id}`)),
).length
const firstBatchAt = resend.firstRequestAt ? resend.firstRequestAt - t : NaN
console.log(`first batch request after ${(firstBatchAt / 1000).toFixed(1)} s`)
console.log(`comment request answered in ${posted} ms (the fan-out runs in the jobs queue)`)
console.log(`outbox filled for ${count} recipients after ${(queuedAt / 1000).toFixed(1)} s`)
console.log(
  `all ${delivered()} delivered after ${(total / 1000).toFixed(1)} s in ${requests} batch requests at ${process.env.RESEND_RATE} requests/s`,
)
const floorSeconds = Math.ceil(count / 100) / Number(process.env.RESEND_RATE)
await recordResult(
  'fanout',
  [
    { measure: 'comment request answered', value: posted, unit: 'ms' },
    { measure: 'first batch request', value: Number((firstBatchAt / 1000).toFixed(1)), unit: 's' },
    {
      measure: `outbox filled for ${count} recipients`,
      value: Number((queuedAt / 1000).toFixed(1)),
      unit: 's',
    },
    {
      measure: `all ${delivered()} delivered`,
      value: Number((total / 1000).toFixed(1)),
      unit: 's',
    },
    { measure: 'batch requests', value: requests, unit: 'requests' },
    { measure: `floor at ${process.env.RESEND_RATE} requests/s`, value: floorSeconds, unit: 's' },
  ],
  {
    title: `Fan-out of one comment to ${count} subscribers (\`bench:fanout\`)`,
    notes: [`Fake Resend at ${process.env.RESEND_RATE} requests/s, 100 emails a batch.`],
  },
)
await cms.stop()
await resend.stop()
process.exit(0)
