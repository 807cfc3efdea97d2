import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempEnv } from '../../scripts/lib/tempEnv'

/** `npm start` as a new user runs it: fresh data folder, no database server, both URLs printed. */
const temp = tempEnv()
const ports = { CMS_PORT: '3310', SITE_PORT: '4410' }
const env = {
  ...temp.env,
  ...ports,
  SITE_OUT_DIR: path.join(temp.dir, 'site'),
  ADMIN_EMAIL: 'redaktion@example.de',
  ADMIN_PASSWORD: 'leuchtturm-test-pw',
}
const site = `http://localhost:${ports.SITE_PORT}`
const cms = `http://localhost:${ports.CMS_PORT}`

type Started = { child: ChildProcess; output: () => string }

function start(): Promise<Started> {
  const child = spawn('tsx', ['scripts/start.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Ctrl-C stops both')) {
        clearInterval(timer)
        resolve({ child, output: () => output })
      }
    }, 200)
    child.once('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`npm start exited (${code}):\n${output}`))
    })
  })
}

function stop({ child }: Started): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  )

afterAll(() => temp.cleanup())

describe('npm start', () => {
  it('serves the site and the admin, stops cleanly, and reuses the data on the next start', async () => {
    const first = await start()
    expect(first.output()).toContain(`Site:  ${site}/`)
    expect(first.output()).toContain(`Admin: ${cms}/admin`)
    expect(first.output()).toContain('imported 1 article(s)')

    const home = await fetch(`${site}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Noch kein Social Media Nutzen für den Mittelstand')
    const article = await fetch(`${site}/blog/social-media-nutzen-mittelstand/`)
    expect(await article.text()).toContain('<h2>Der Schlüssel: Offenheit und Vertrauen</h2>')
    expect((await fetch(`${site}/gibt-es-nicht/`)).status).toBe(404)
    expect((await fetch(`${cms}/admin/login`)).status).toBe(200)

    const login = await fetch(`${cms}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
    })
    expect(login.status).toBe(200)

    expect(await stop(first)).toBe(0)
    expect(await refused(`${site}/`)).toBe(true)
    expect(await refused(`${cms}/api/articles`)).toBe(true)

    const second = await start()
    expect(second.output()).not.toContain('imported')
    expect(second.output()).not.toContain('Site built')
    const articles = (await (await fetch(`${cms}/api/articles?depth=0`)).json()) as { totalDocs: number }
    expect(articles.totalDocs).toBe(1)
    expect((await fetch(`${site}/`)).status).toBe(200)
    expect(await stop(second)).toBe(0)
  }, 600_000)
})
