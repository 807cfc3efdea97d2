import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteUrl } from '../../cms/config/urls'
import { importArticles } from '../../cms/content/importArticles'
import { apiPaths, FORM_TOKEN_HEADER } from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { loginEditor } from '../helpers/editor'

/**
 * The CMS's CORS policy (cms/http/cors.ts) seen from a browser on the site, on a foreign page and
 * with an editor's cookie: public endpoints without credentials, the draft preview with them,
 * everything else without any CORS.
 */
const SLUG = 'social-media-nutzen-mittelstand'
const FOREIGN = 'https://evil.example'
let cms: LocalCms
let site: string
let editor: Awaited<ReturnType<typeof loginEditor>>
let draftId: string

beforeAll(async () => {
  cms = await startLocalCms()
  site = siteUrl()
  await importArticles(cms.payload, path.resolve('content/articles'))
  editor = await loginEditor(cms)
  const draft = await cms.payload.create({
    collection: 'articles',
    draft: true,
    data: { title: 'Geheimer Entwurf', body: paragraph('Noch nicht fertig.'), _status: 'draft' },
  })
  draftId = String(draft.id)
})
afterAll(async () => cms?.stop())

function paragraph(text: string) {
  const node = { type: 'text', text, version: 1, format: 0, detail: 0, mode: 'normal', style: '' }
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [node],
        },
      ],
    },
  }
}

const cors = (response: Response) => ({
  origin: response.headers.get('access-control-allow-origin'),
  credentials: response.headers.get('access-control-allow-credentials'),
  methods: response.headers.get('access-control-allow-methods'),
  headers: response.headers.get('access-control-allow-headers'),
  exposed: response.headers.get('access-control-expose-headers'),
})

const preflight = (apiPath: string, origin: string, method: string, headers = 'content-type') =>
  fetch(`${cms.url}${apiPath}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  })

describe('public endpoints', () => {
  it('let the site read their answers, without credentials, and expose what the island reads', async () => {
    const list = await fetch(`${cms.url}${apiPaths.comments(SLUG)}`, { headers: { origin: site } })
    expect(list.status).toBe(200)
    expect(cors(list).origin).toBe(site)
    expect(cors(list).credentials).toBeNull()
    expect(cors(list).exposed).toContain(FORM_TOKEN_HEADER)
    expect(cors(list).exposed).toContain('ETag')
    expect(list.headers.get('vary')).toMatch(/Origin/)
    for (const apiPath of [
      apiPaths.shareCount(SLUG),
      apiPaths.formToken,
      apiPaths.share(SLUG, 'linkedin'),
    ]) {
      const response = await fetch(`${cms.url}${apiPath}`, {
        headers: { origin: site },
        redirect: 'manual',
      })
      expect(cors(response).origin, apiPath).toBe(site)
      expect(cors(response).credentials, apiPath).toBeNull()
    }
  })

  it('answer the preflight of every method the island uses, without credentials', async () => {
    const reactions = await preflight(
      apiPaths.reactions('1'),
      site,
      'POST',
      'content-type,x-reader-token',
    )
    expect(reactions.status).toBe(204)
    expect(cors(reactions).origin).toBe(site)
    expect(cors(reactions).credentials).toBeNull()
    expect(cors(reactions).headers).toMatch(/X-Reader-Token/i)
    const edit = await preflight(apiPaths.comment('1'), site, 'PATCH', 'authorization,content-type')
    expect(cors(edit).methods).toMatch(/PATCH/)
    expect(cors(edit).methods).toMatch(/DELETE/)
    expect(cors(edit).headers).toMatch(/Authorization/i)
    expect(cors(edit).credentials).toBeNull()
  })

  it('give a foreign page nothing to read', async () => {
    const list = await fetch(`${cms.url}${apiPaths.comments(SLUG)}`, {
      headers: { origin: FOREIGN },
    })
    expect(cors(list).origin).toBeNull()
    const pre = await preflight(apiPaths.subscriptions, FOREIGN, 'POST')
    expect(cors(pre).origin).toBeNull()
    expect(cors(pre).methods).toBeNull()
  })
})

describe('the draft preview', () => {
  it('lets the site read a draft with the editor cookie (credentialed), and only the site', async () => {
    const url = `${cms.url}/api/articles/${draftId}?draft=true&depth=1`
    const asEditor = await fetch(url, { headers: { origin: site, cookie: editor.cookie } })
    expect(asEditor.status).toBe(200)
    expect(((await asEditor.json()) as { title: string }).title).toBe('Geheimer Entwurf')
    expect(cors(asEditor)).toMatchObject({ origin: site, credentials: 'true' })
    const pre = await preflight(`/api/articles/${draftId}`, site, 'GET', 'accept')
    expect(cors(pre)).toMatchObject({ origin: site, credentials: 'true', methods: 'GET' })

    const anonymous = await fetch(url, { headers: { origin: site } })
    expect(anonymous.status).toBe(404)
    const foreign = await fetch(url, { headers: { origin: FOREIGN, cookie: editor.cookie } })
    expect(cors(foreign).origin).toBeNull()
    expect(cors(foreign).credentials).toBeNull()
  })
})

describe('the rest of the API', () => {
  it('sends no CORS headers at all, also not to the site', async () => {
    for (const apiPath of ['/api/articles?limit=1', '/api/users/me', '/api/media']) {
      const response = await fetch(`${cms.url}${apiPath}`, {
        headers: { origin: site, cookie: editor.cookie },
      })
      expect(cors(response), apiPath).toEqual({
        origin: null,
        credentials: null,
        methods: null,
        headers: null,
        exposed: null,
      })
    }
    const pre = await preflight('/api/articles', site, 'POST')
    expect(pre.status).toBe(204)
    expect(cors(pre).origin).toBeNull()
    expect(cors(pre).credentials).toBeNull()
    // A write to an article is no preview read: its preflight grants nothing either.
    expect(cors(await preflight(`/api/articles/${draftId}`, site, 'PATCH')).origin).toBeNull()
  })

  it('refuses a write from the site with the editor cookie (a form or simple request needs no preflight)', async () => {
    const before = (await cms.payload.count({ collection: 'articles', overrideAccess: true }))
      .totalDocs
    const form = new FormData()
    form.set('_payload', JSON.stringify({ title: 'Untergeschoben', body: paragraph('x') }))
    const response = await fetch(`${cms.url}/api/articles`, {
      method: 'POST',
      headers: { origin: site, cookie: editor.cookie },
      body: form,
    })
    expect(response.status).toBe(403)
    expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'origin',
    )
    expect(cors(response).origin).toBeNull()
    const after = (await cms.payload.count({ collection: 'articles', overrideAccess: true }))
      .totalDocs
    expect(after).toBe(before)
    // The same request from an API client (no Origin, a token) goes through.
    const fromClient = await fetch(`${cms.url}/api/articles`, {
      method: 'POST',
      headers: { authorization: `JWT ${editor.token}` },
      body: form,
    })
    expect(fromClient.status).toBe(201)
  })
})
