import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiPaths } from '../../contract'
import { FANOUT_SLUG } from '../../scripts/lib/seedSubscribers'
import { tempEnv } from '../../scripts/lib/tempEnv'
import { startCmsProcess } from '../helpers/cmsProcess'
import { publicApi } from '../helpers/publicApi'

const temp = tempEnv()
const processes: { url: string; kill: () => Promise<void> }[] = []
let a: { url: string }
let b: { url: string }

beforeAll(async () => {
  // The product's default limits (RATE_LIMITS empty): 30 share clicks a minute per client.
  const env = { ...temp.env, RATE_LIMIT_STORE: 'database', RATE_LIMITS: '', TRUST_PROXY: '1' }
  processes.push((a = await startCmsProcess({ ...env, SEED_SUBSCRIBERS: '1' })))
  processes.push((b = await startCmsProcess(env)))
})
afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()))
  temp.cleanup()
})

const share = (url: string, network: string, headers?: Record<string, string>) =>
  publicApi(() => url)('GET', apiPaths.share(FANOUT_SLUG, network), undefined, headers)

describe('two CMS processes on one database with RATE_LIMIT_STORE=database', () => {
  it('enforce one limit together', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 15; i++) {
      statuses.push((await share(a.url, 'linkedin')).status)
      statuses.push((await share(b.url, 'linkedin')).status)
    }
    expect(statuses.every((s) => s === 302)).toBe(true)
    const [atA, atB] = [await share(a.url, 'linkedin'), await share(b.url, 'linkedin')]
    expect([atA.status, atB.status]).toEqual([429, 429])
    expect(Number(atB.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(atB.json.errors?.[0]?.field).toBe('client')
  })

  it('count concurrent requests to both exactly', async () => {
    // Another client (its forwarded address, the processes trust one proxy); a network already
    // counted, so the share counter itself is not created concurrently.
    const client = { 'x-forwarded-for': '10.9.9.9' }
    expect((await share(a.url, 'xing', client)).status).toBe(302)
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => share(i % 2 ? a.url : b.url, 'xing', client)),
    )
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((s) => s === 302)).toHaveLength(29)
    expect(statuses.filter((s) => s === 429)).toHaveLength(11)
  })
})
