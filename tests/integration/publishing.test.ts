import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { eventually } from '../../scripts/lib/eventually'
import { paragraph } from '../../scripts/lib/lexical'

/** Editors publish in the CMS; the site rebuilds itself through the jobs queue. */
let cms: LocalCms
let siteDir: string
const served = (file: string) => fs.readFileSync(path.join(fs.realpathSync(siteDir), file), 'utf8')
const buildState = () => cms.payload.findGlobal({ slug: 'site-build' })
const waitForBuild = (state: 'succeeded' | 'failed', after: string) =>
  eventually(async () => {
    const build = await buildState()
    expect(build.state).toBe(state)
    expect((build.lastFinishedAt ?? '') > after).toBe(true)
    return build
  }, 60_000)

beforeAll(async () => {
  cms = await startLocalCms()
  Object.assign(process.env, { SITE_AUTO_REBUILD: 'true', REBUILD_DEBOUNCE_MS: '500' })
  siteDir = process.env.SITE_OUT_DIR!
  await importArticles(cms.payload, path.resolve('content/articles'))
  await waitForBuild('succeeded', '')
}, 120_000)
afterAll(async () => cms?.stop())

describe('publishing from the admin', () => {
  it('publishing, editing and unpublishing an article each change the served site', async () => {
    let since = new Date().toISOString()
    const article = await cms.payload.create({
      collection: 'articles',
      data: {
        title: 'Frisch veröffentlicht',
        slug: 'frisch',
        body: paragraph('Neu hier.'),
        _status: 'published',
      },
    })
    await waitForBuild('succeeded', since)
    expect(served('index.html')).toContain('Frisch veröffentlicht')
    expect(served('blog/frisch/index.html')).toContain('Neu hier.')

    since = new Date().toISOString()
    await cms.payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Frisch überarbeitet' },
    })
    await waitForBuild('succeeded', since)
    expect(served('index.html')).toContain('Frisch überarbeitet')

    since = new Date().toISOString()
    await cms.payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    await waitForBuild('succeeded', since)
    expect(served('index.html')).not.toContain('Frisch überarbeitet')
    expect(fs.existsSync(path.join(fs.realpathSync(siteDir), 'blog/frisch'))).toBe(false)
  }, 120_000)

  it('builds a single change at once, without waiting out the debounce', async () => {
    process.env.REBUILD_DEBOUNCE_MS = '600000' // far beyond waitForBuild's 60 s
    try {
      const since = new Date().toISOString()
      await cms.payload.create({
        collection: 'articles',
        data: {
          title: 'Sofort',
          slug: 'sofort',
          body: paragraph('Gleich da.'),
          _status: 'published',
        },
      })
      await waitForBuild('succeeded', since)
      expect(served('blog/sofort/index.html')).toContain('Gleich da.')
    } finally {
      process.env.REBUILD_DEBOUNCE_MS = '500'
    }
  }, 120_000)

  it('shows a comment in the static article page once an editor approves it', async () => {
    const article = (await cms.payload.find({ collection: 'articles', limit: 1 })).docs[0]!
    const comment = await cms.payload.create({
      collection: 'comments',
      data: {
        article: article.id,
        authorName: 'Lea',
        authorEmail: 'lea@example.de',
        body: 'Statisch sichtbar nach Freigabe.',
        status: 'pending',
        depth: 1,
      },
    })
    const since = new Date().toISOString()
    await cms.payload.update({
      collection: 'comments',
      id: comment.id,
      data: { status: 'approved' },
    })
    await waitForBuild('succeeded', since)
    expect(served(`blog/${article.slug}/index.html`)).toContain('Statisch sichtbar nach Freigabe.')
  }, 120_000)

  it('publishes a scheduled article when its time comes, and the site shows it', async () => {
    const draft = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: 'Geplant für gleich',
        slug: 'geplant',
        body: paragraph('x'),
        _status: 'draft',
      },
    })
    const since = new Date().toISOString()
    // What the admin's "Schedule publish" does: a schedulePublish job waiting for its time.
    await cms.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: draft.id } },
      waitUntil: new Date(Date.now() + 1500),
    })
    await waitForBuild('succeeded', since)
    await eventually(() => expect(served('index.html')).toContain('Geplant für gleich'), 60_000)
  }, 120_000)

  it('rebuilds on "Rebuild now" for editors only', async () => {
    expect((await fetch(`${cms.url}/api/site-build/rebuild`, { method: 'POST' })).status).toBe(401)
    await cms.payload.create({
      collection: 'users',
      data: { email: 'bau@example.de', password: 'pw-123456' },
    })
    const login = await fetch(`${cms.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bau@example.de', password: 'pw-123456' }),
    })
    const { token } = (await login.json()) as { token: string }
    const since = new Date().toISOString()
    const response = await fetch(`${cms.url}/api/site-build/rebuild`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
    })
    expect(response.status).toBe(202)
    await waitForBuild('succeeded', since)
  }, 120_000)

  it('keeps the old site and shows the error when a build fails', async () => {
    const before = fs.realpathSync(siteDir)
    const cmsUrl = process.env.CMS_URL
    process.env.CMS_URL = 'http://127.0.0.1:9' // the build cannot reach the CMS
    const since = new Date().toISOString()
    try {
      await cms.payload.create({
        collection: 'articles',
        data: {
          title: 'Wird nicht gebaut',
          slug: 'nicht-gebaut',
          body: paragraph('x'),
          _status: 'published',
        },
      })
      const build = await waitForBuild('failed', since)
      expect(build.lastError).toMatch(/astro build failed/)
    } finally {
      process.env.CMS_URL = cmsUrl
    }
    expect(fs.realpathSync(siteDir)).toBe(before)
    expect(served('index.html')).toContain('Noch kein Social Media Nutzen')
  }, 120_000)

  it('calls the deploy hook once for a burst of changes, and builds nothing itself', async () => {
    let calls = 0
    const hook = http.createServer((req, res) => {
      calls++
      res.end('ok')
    })
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    process.env.SITE_DEPLOY_HOOK = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/build`
    const before = fs.realpathSync(siteDir)
    const since = new Date().toISOString()
    try {
      for (const n of [1, 2, 3]) {
        await cms.payload.create({
          collection: 'articles',
          data: {
            title: `Serie ${n}`,
            slug: `serie-${n}`,
            body: paragraph('x'),
            _status: 'published',
          },
        })
      }
      await waitForBuild('succeeded', since)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(calls).toBe(1)
      expect(fs.realpathSync(siteDir)).toBe(before)
    } finally {
      delete process.env.SITE_DEPLOY_HOOK
      hook.close()
    }
  }, 120_000)
})
