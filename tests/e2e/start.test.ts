import { afterAll, describe, expect, it } from 'vitest'
import { articlePath } from '../../contract'
import { EDITOR, startStack, type Stack } from '../helpers/stack'

/** `npm start` as a new user runs it: fresh data folder, no database server, both URLs printed. */
const ports = { cms: 3310, site: 4410 }
let stack: Stack | undefined

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  )

afterAll(async () => {
  await stack?.stop()
  stack?.cleanup()
})

describe('npm start', () => {
  it('serves the site and the admin, stops cleanly, and reuses the data on the next start', async () => {
    const first = (stack = await startStack(ports))
    expect(first.output()).toContain(`Site:  ${first.site}/`)
    expect(first.output()).toContain(`Admin: ${first.cms}/admin`)
    expect(first.output()).toContain('imported 1 article(s)')

    const home = await fetch(`${first.site}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Noch kein Social Media Nutzen für den Mittelstand')
    const article = await fetch(`${first.site}${articlePath('social-media-nutzen-mittelstand')}`)
    expect(await article.text()).toContain('<h2>Der Schlüssel: Offenheit und Vertrauen</h2>')
    expect((await fetch(`${first.site}/gibt-es-nicht/`)).status).toBe(404)
    expect((await fetch(`${first.cms}/admin/login`)).status).toBe(200)

    const login = await fetch(`${first.cms}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(EDITOR),
    })
    expect(login.status).toBe(200)

    expect(await first.stop()).toBe(0)
    expect(await refused(`${first.site}/`)).toBe(true)
    expect(await refused(`${first.cms}/api/articles`)).toBe(true)

    const second = (stack = await startStack(ports, first))
    expect(second.output()).not.toContain('imported')
    expect(second.output()).not.toContain('Site built')
    const articles = (await (await fetch(`${second.cms}/api/articles?depth=0`)).json()) as {
      totalDocs: number
    }
    expect(articles.totalDocs).toBe(1)
    expect((await fetch(`${second.site}/`)).status).toBe(200)
    expect(await second.stop()).toBe(0)
  }, 300_000)
})
