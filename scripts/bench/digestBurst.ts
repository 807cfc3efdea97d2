/**
 * `npm run bench:digest`: a lively discussion. BENCH_COMMENTS (default 500) comments arrive on one
 * article with BENCH_FOLLOWERS (default 250) confirmed followers, within one digest window. Before
 * digests that was one email per comment per follower (125,000); now each follower gets the first
 * comment at once and one digest of the rest when the window ends. The window is shortened to
 * BENCH_DIGEST_MINUTES (default 4, longer than the burst takes here) so the run is short: the counts do not depend on its length
 * while the burst fits into it. Every comment comes from its own reader (TRUST_PROXY=1, one
 * forwarded address each), against a fake Resend at Resend's 2 requests/s.
 */
import { apiPaths, commentAnchor, type CreatedComment } from '../../contract'
import { recordResult } from '../lib/benchResults'
import { eventually } from '../lib/eventually'
import { startFakeResend } from '../lib/fakeResend'
import { remoteFormToken } from '../lib/formToken'
import { startLocalCms } from '../lib/localCms'
import { FANOUT_SLUG, seedSubscribers } from '../lib/seedSubscribers'

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 500)
const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 250)
const WINDOW_MINUTES = Number(process.env.BENCH_DIGEST_MINUTES ?? 4)
const resend = await startFakeResend()
Object.assign(process.env, {
  RESEND_API_KEY: 're_bench',
  RESEND_BASE_URL: resend.url,
  RESEND_RATE: '2',
  MAIL_DAILY_LIMIT: '1000000',
  TRUST_PROXY: '1',
  LOG_LEVEL: 'warn',
})
const cms = await startLocalCms()
const seconds = (ms: number) => Number((ms / 1000).toFixed(1))

const followers = await seedSubscribers(cms.payload, FOLLOWERS)
await cms.payload.updateGlobal({
  slug: 'comment-settings',
  data: { moderation: 'none', digestMinutes: WINDOW_MINUTES },
})
const formToken = await remoteFormToken(cms.url)

/**
 * The fan-out shares the server's event loop; a pause longer than the keep-alive timeout can close
 * an idle pooled connection just as a request reuses it (ECONNRESET before any answer): sent again.
 */
async function send(url: string, init: RequestInit, tries = 3): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (error) {
    if (tries <= 1) throw error
    resets++
    return send(url, init, tries - 1)
  }
}
let resets = 0

const started = Date.now()
const to = (address: string) => resend.to(address)
// When every follower has had the first email (watched while the burst is still being posted).
const firstOut = new Promise<number>((resolve) => {
  const check = setInterval(() => {
    if (followers.every((f) => to(f).length >= 1)) {
      clearInterval(check)
      resolve(Date.now() - started)
    }
  }, 200)
})
const ids: string[] = []
for (let i = 0; i < COMMENTS; i += 10) {
  const batch = Array.from({ length: Math.min(10, COMMENTS - i) }, (_, j) => i + j)
  ids.push(
    ...(await Promise.all(
      batch.map(async (n) => {
        const response = await send(`${cms.url}${apiPaths.comments(FANOUT_SLUG)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`,
          },
          body: JSON.stringify({
            name: `Leserin ${n}`,
            email: `diskutant-${n}@example.de`,
            body: `Beitrag ${n} zur lebhaften Diskussion.`,
            consent: true,
            formToken,
          }),
        })
        if (response.status !== 201) throw new Error(`comment ${n}: ${response.status}`)
        return ((await response.json()) as CreatedComment).comment.id
      }),
    )),
  )
}
const postedMs = Date.now() - started
console.log(`${COMMENTS} comments posted in ${seconds(postedMs)} s (${resets} sent again)`)

const windowMs = WINDOW_MINUTES * 60_000
// The first comment reaches every follower at once …
const firstOutMs = await firstOut
const emailsInWindow = resend.delivered.length
// … and the digests follow when the window ends.
await eventually(() => {
  if (followers.some((f) => to(f).length < 2)) throw new Error('digests not yet out')
}, 600_000 + windowMs)
const digestsOutMs = Date.now() - started
await new Promise((resolve) => setTimeout(resolve, 5000))

const perFollower = followers.map((f) => to(f).length)
// Every comment reached each follower: linked (the first email, the 50 a digest quotes) or
// counted among the digest's "… und N weitere", never both.
const linked = (f: string) =>
  ids.filter((id) => {
    const link = new RegExp(`#${commentAnchor(id)}(?!\\d)`)
    return to(f).some((m) => link.test(m.text))
  }).length
const counted = (f: string) =>
  to(f).reduce((sum, m) => sum + Number(/und (\d+) weitere/.exec(m.text)?.[1] ?? 0), 0)
const covered = followers.filter((f) => linked(f) + counted(f) === COMMENTS).length
const emails = resend.delivered.length
console.log(
  `${emails} emails (${emailsInWindow} in the window), at most ${Math.max(...perFollower)} per follower; ` +
    `${covered} of ${FOLLOWERS} followers were told of every comment`,
)
await recordResult(
  'digestBurst',
  [
    {
      measure: `comments posted (${COMMENTS}, one reader each)`,
      value: seconds(postedMs),
      unit: 's',
    },
    {
      measure: 'emails before digests (one per comment per follower)',
      value: COMMENTS * FOLLOWERS,
      unit: 'emails',
    },
    { measure: 'emails sent in all', value: emails, unit: 'emails' },
    { measure: 'emails sent within the window', value: emailsInWindow, unit: 'emails' },
    { measure: 'most emails to one follower', value: Math.max(...perFollower), unit: 'emails' },
    {
      measure: 'followers told of every comment (linked or counted)',
      value: covered,
      unit: 'followers',
    },
    { measure: 'first email to every follower', value: seconds(firstOutMs), unit: 's' },
    { measure: 'digest to every follower', value: seconds(digestsOutMs), unit: 's' },
  ],
  {
    title: `${COMMENTS} comments, ${FOLLOWERS} followers, digests (\`bench:digest\`)`,
    notes: [
      `Digest window ${WINDOW_MINUTES} min (the product default is 15); moderation "none"; fake Resend at 2 requests/s, 100 emails a batch; Local API server (no admin).`,
    ],
  },
)
await cms.stop()
await resend.stop()
process.exit(0)
