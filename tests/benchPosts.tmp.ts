// Quick before/after: N sequential and N concurrent comment POSTs against a CMS process (not committed).
import { tempEnv } from '../scripts/lib/tempEnv'
import { startCmsProcess } from './helpers/cmsProcess'
import { commentClients } from './helpers/commentClients'

const N = Number(process.argv[2] ?? 200)
const temp = tempEnv()
const cms = await startCmsProcess({ ...temp.env, TRUST_PROXY: '1', SEED_SUBSCRIBERS: '0' })
const { submission, send } = commentClients(cms.url)
await send(submission(0))
let n = 1
const t0 = performance.now()
for (let i = 0; i < N; i++) {
  const a = await send(submission(n++))
  if (a.status !== 201) throw new Error(`sequential ${a.status} ${JSON.stringify(a.json)}`)
}
const seq = performance.now() - t0
const t1 = performance.now()
const answers = await Promise.all(Array.from({ length: N }, () => send(submission(n++))))
const conc = performance.now() - t1
const bad = answers.filter((a) => a.status !== 201)
console.log(
  JSON.stringify({
    N,
    sequentialMs: Math.round(seq),
    sequentialPerS: Math.round((N / seq) * 1000),
    concurrentMs: Math.round(conc),
    concurrentPerS: Math.round((N / conc) * 1000),
    failed: bad.length,
    firstFailure: bad[0],
  }),
)
await cms.kill()
temp.cleanup()
process.exit(0)
