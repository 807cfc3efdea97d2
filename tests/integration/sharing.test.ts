import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import { apiPaths, articlePath, type ErrorBody, type ShareCount } from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'

const SLUG = 'social-media-nutzen-mittelstand'
const ARTICLE = encodeURIComponent(`http://localhost:4321${articlePath(SLUG)}`)
let cms: LocalCms
const click = (network: string, slug = SLUG) =>
  fetch(`${cms.url}${apiPaths.share(slug, network)}`, { redirect: 'manual' })
const total = async () =>
  ((await (await fetch(`${cms.url}${apiPaths.shareCount(SLUG)}`)).json()) as ShareCount).total

beforeAll(async () => {
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
})
afterAll(async () => cms?.stop())

describe('share links', () => {
  it('count each click in the CMS and lead to the network with the article URL', async () => {
    expect(await total()).toBe(0)
    const linkedin = await click('linkedin')
    expect(linkedin.status).toBe(302)
    expect(linkedin.headers.get('location')).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${ARTICLE}`,
    )
    expect((await click('xing')).headers.get('location')).toBe(
      `https://www.xing.com/spi/shares/new?url=${ARTICLE}`,
    )
    expect((await click('whatsapp')).headers.get('location')).toMatch(
      /^https:\/\/wa\.me\/\?text=Noch%20kein/,
    )
    expect((await click('x')).headers.get('location')).toMatch(
      /^https:\/\/x\.com\/intent\/post\?url=/,
    )
    expect((await click('email')).headers.get('location')).toMatch(/^mailto:\?subject=Noch%20kein/)
    await click('linkedin')
    expect(await total()).toBe(6)
  })

  it('refuses unknown networks and unknown articles', async () => {
    const unknown = await click('myspace')
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as ErrorBody).errors[0]?.field).toBe('network')
    expect((await click('linkedin', 'gibt-es-nicht')).status).toBe(404)
  })
})
