import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, Media } from '../../cms/payload-types'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { loginEditor } from '../helpers/editor'

/**
 * Uploads: raster images only (SVG refused), files served with nosniff and a sandboxing CSP, and
 * media of unpublished drafts kept from the public until an article that shows them is published.
 */
let cms: LocalCms
let auth: { authorization: string }

beforeAll(async () => {
  cms = await startLocalCms()
  auth = { authorization: `JWT ${(await loginEditor(cms)).token}` }
})
afterAll(async () => cms?.stop())

const png = () =>
  sharp({ create: { width: 4, height: 3, channels: 3, background: '#1e6fd9' } })
    .png()
    .toBuffer()

async function upload(file: Blob, name: string, alt = 'Ein Bild') {
  const form = new FormData()
  form.set('file', file, name)
  form.set('_payload', JSON.stringify({ alt }))
  const response = await fetch(`${cms.url}/api/media`, {
    method: 'POST',
    headers: { ...auth, 'accept-language': 'de' },
    body: form,
  })
  return {
    status: response.status,
    json: (await response.json()) as { doc?: Media; errors?: { message: string }[] },
  }
}

async function uploadPng(name: string): Promise<Media> {
  const { status, json } = await upload(
    new Blob([new Uint8Array(await png())], { type: 'image/png' }),
    name,
  )
  expect(status).toBe(201)
  return json.doc!
}

const paragraph = {
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children: [
    { type: 'text', text: 'Text.', version: 1, format: 0, detail: 0, mode: 'normal', style: '' },
  ],
}
const body = (...children: { type: string; version: number }[]) => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '' as const,
    indent: 0,
    children: [...children, paragraph],
  },
})
const uploadNode = (id: number) => ({
  type: 'upload',
  version: 3,
  format: '',
  id: `node-${id}`,
  fields: null,
  relationTo: 'media',
  value: id,
})

const anonymousIds = async (): Promise<number[]> => {
  const response = await fetch(`${cms.url}/api/media?limit=100&depth=0`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: Media[] }).docs.map((d) => d.id)
}
const fileStatus = async (media: Media, headers: Record<string, string> = {}) =>
  (await fetch(`${cms.url}/api/media/file/${media.filename}`, { headers })).status

async function article(title: string, data: Partial<Article>, status: 'draft' | 'published') {
  // Saved as a draft first, then published (or not), as in the admin.
  const created = await cms.payload.create({
    collection: 'articles',
    draft: true,
    data: { title, body: body(), ...data, _status: 'draft' },
  })
  return status === 'published' ? setStatus(created.id, 'published') : created
}
function setStatus(id: number, status: 'draft' | 'published') {
  return cms.payload.update({ collection: 'articles', id, data: { _status: status } })
}

describe('media of drafts', () => {
  it('stay with the editors until an article that shows them is published, and go with it', async () => {
    const cover = await uploadPng('titelbild.png')
    const inline = await uploadPng('im-text.png')
    const unused = await uploadPng('ungenutzt.png')
    const draft = await article(
      'Entwurf mit Bildern',
      { cover: cover.id, body: body(uploadNode(inline.id)) },
      'draft',
    )
    expect(await anonymousIds()).toEqual([])
    expect(await fileStatus(cover)).toBe(403)
    expect(await fileStatus(inline)).toBe(403)
    expect(await fileStatus(cover, auth)).toBe(200)

    await setStatus(draft.id, 'published')
    expect((await anonymousIds()).sort()).toEqual([cover.id, inline.id].sort())
    expect(await fileStatus(cover)).toBe(200)
    expect(await fileStatus(inline)).toBe(200)
    expect(await fileStatus(unused)).toBe(403)
    // What the site build reads: the cover and the image in the text resolved, as anyone sees them.
    const published = (await (
      await fetch(`${cms.url}/api/articles/${draft.id}?depth=1`)
    ).json()) as { cover: Media; body: { root: { children: { value: Media }[] } } }
    expect(published.cover.url).toContain(cover.filename)
    expect(published.body.root.children[0]?.value.url).toContain(inline.filename)

    // A second published article shows the cover too: unpublishing the first keeps it public.
    const other = await article('Zweiter Artikel', { cover: cover.id }, 'published')
    await setStatus(draft.id, 'draft')
    expect(await anonymousIds()).toEqual([cover.id])
    expect(await fileStatus(inline)).toBe(403)
    await cms.payload.delete({ collection: 'articles', id: other.id })
    expect(await anonymousIds()).toEqual([])
    expect(await fileStatus(cover)).toBe(403)
    expect(await fileStatus(cover, auth)).toBe(200)
  })

  it('follow the live version: a draft that drops an image keeps it public until published', async () => {
    const image = await uploadPng('bleibt.png')
    const shown = await article('Mit Bild', { cover: image.id }, 'published')
    await cms.payload.update({
      collection: 'articles',
      id: shown.id,
      draft: true,
      data: { cover: null },
    })
    expect(await fileStatus(image)).toBe(200)
    await cms.payload.update({
      collection: 'articles',
      id: shown.id,
      data: { cover: null, _status: 'published' },
    })
    expect(await fileStatus(image)).toBe(403)
  })

  it('cannot be marked public by an editor by hand', async () => {
    const media = await uploadPng('von-hand.png')
    const patched = await fetch(`${cms.url}/api/media/${media.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ public: true }),
    })
    expect(patched.status).toBe(200)
    expect(await fileStatus(media)).toBe(403)
  })
})

describe('media files', () => {
  it('are served as what they are, never sniffed or run as a document', async () => {
    const media = await uploadPng('kopf.png')
    await article('Mit Kopfbild', { cover: media.id }, 'published')
    const response = await fetch(`${cms.url}/api/media/file/${media.filename}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
  })
})

describe('uploads', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

  it('refuse SVG with a clear 400, also when it calls itself a PNG, and store nothing', async () => {
    const before = (await cms.payload.count({ collection: 'media' })).totalDocs
    for (const [type, name] of [
      ['image/svg+xml', 'logo.svg'],
      ['image/png', 'logo.png'],
    ] as const) {
      const { status, json } = await upload(new Blob([svg], { type }), name)
      expect(status, name).toBe(400)
      expect(json.errors?.[0]?.message, name).toBe(
        'Nur Bilder im Format JPEG, PNG, WebP, AVIF oder GIF können hochgeladen werden (SVG ist aus Sicherheitsgründen nicht erlaubt).',
      )
    }
    expect((await cms.payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('take the raster types: JPEG, WebP, AVIF, GIF', async () => {
    const base = () => sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
    for (const [name, type, data] of [
      ['a.jpg', 'image/jpeg', await base().jpeg().toBuffer()],
      ['a.webp', 'image/webp', await base().webp().toBuffer()],
      ['a.avif', 'image/avif', await base().avif().toBuffer()],
      ['a.gif', 'image/gif', await base().gif().toBuffer()],
    ] as const) {
      const { status } = await upload(new Blob([new Uint8Array(data)], { type }), name)
      expect(status, name).toBe(201)
    }
  })
})
