import http from 'node:http'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { importArticles } from '../../cms/content/importArticles'
import { siteUrl } from '../../cms/config/urls'
import { MAX_BODY_BYTES } from '../../cms/http/readBody'
import { apiPaths, type CreatedComment } from '../../contract'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { publicApi } from '../helpers/publicApi'

const SLUG = 'social-media-nutzen-mittelstand'
let cms: LocalCms
const api = publicApi(() => cms.url)

const comment = (extra: Record<string, unknown> = {}) => ({
  name: 'Wolfgang Klein',
  email: 'wolfgang@example.de',
  body: 'Ein Kommentar.',
  consent: true,
  ...extra,
})

beforeAll(async () => {
  cms = await startLocalCms()
  await importArticles(cms.payload, path.resolve('content/articles'))
})
afterAll(async () => cms?.stop())
afterEach(() => vi.restoreAllMocks())

/**
 * POSTs a big body in 16 KB chunks, a little at a time, until the server answers; resolves with
 * the answer and how many bytes were sent by then. `announce` sends Content-Length up front,
 * otherwise the body is chunked.
 */
function postSlowly(
  total: number,
  announce: boolean,
): Promise<{ status: number; body: string; sent: number }> {
  const url = new URL(`${cms.url}${apiPaths.comments(SLUG)}`)
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = http.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(announce ? { 'content-length': String(total) } : {}),
      },
    })
    req.on('response', (res) => {
      answered = true
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, body, sent })
      })
    })
    req.on('error', (error) => (answered ? undefined : reject(error)))
    const chunk = Buffer.alloc(16 * 1024, 'a')
    const next = () => {
      if (answered || sent >= total) return
      req.write(chunk)
      sent += chunk.length
      setTimeout(next, 10)
    }
    next()
  })
}

describe('request guards', () => {
  it('answers a 2 MB body announced by Content-Length with 413 before reading it', async () => {
    const answer = await postSlowly(2 * 1024 * 1024, true)
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({
      errors: [{ field: 'body', message: 'Die Anfrage ist zu groß (höchstens 64 KB).' }],
    })
    expect(answer.sent).toBeLessThan(512 * 1024)
  })

  it('stops reading a chunked body without Content-Length over 64 KB and answers 413', async () => {
    const answer = await postSlowly(2 * 1024 * 1024, false)
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body).errors[0].field).toBe('body')
    expect(answer.sent).toBeGreaterThan(MAX_BODY_BYTES)
    expect(answer.sent).toBeLessThan(1024 * 1024)
  })

  it('reads a body up to 64 KB', async () => {
    const answer = await api(
      'POST',
      apiPaths.comments(SLUG),
      comment({ website: 'x'.repeat(60_000) }),
    )
    expect(answer.status).toBe(400) // parsed: the website is invalid, the size was fine
    expect(answer.json.errors?.[0]?.field).toBe('website')
  })

  it('refuses a JSON body sent as text/plain (no CORS preflight) with 415', async () => {
    const before = await cms.payload.count({ collection: 'comments' })
    const answer = await api('POST', apiPaths.comments(SLUG), comment(), {
      'content-type': 'text/plain;charset=UTF-8',
      'accept-language': 'en',
    })
    expect(answer.status).toBe(415)
    expect(answer.json.errors).toEqual([
      {
        field: 'body',
        message: 'The request must be sent as JSON (application/json) or as a form.',
      },
    ])
    expect(await cms.payload.count({ collection: 'comments' })).toEqual(before)
  })

  it('refuses a write from a foreign page with 403; the site itself may write', async () => {
    const foreign = await api('POST', apiPaths.comments(SLUG), comment(), {
      origin: 'https://evil.example',
    })
    expect(foreign.status).toBe(403)
    expect(foreign.json.errors).toEqual([
      { field: 'origin', message: 'Anfragen von dieser Website sind nicht erlaubt.' },
    ])
    const own = await api<CreatedComment>('POST', apiPaths.comments(SLUG), comment(), {
      origin: siteUrl(),
    })
    expect(own.status).toBe(201)
    const noOrigin = await api('POST', apiPaths.comments(SLUG), comment()) // curl, server to server
    expect(noOrigin.status).toBe(201)
    const read = await api('GET', apiPaths.comments(SLUG), undefined, {
      origin: 'https://x.example',
    })
    expect(read.status).toBe(200) // reading stays open (CORS decides what a page sees)
  })

  it('answers an unexpected error with 500 and no details, and logs it', async () => {
    vi.spyOn(cms.payload, 'find').mockRejectedValue(
      new Error('secret detail at /work/cms/sharing/endpoints.ts:42'),
    )
    const logged = vi.spyOn(cms.payload.logger, 'error').mockImplementation(() => undefined)
    const answer = await api('GET', apiPaths.share(SLUG, 'linkedin'))
    expect(answer.status).toBe(500)
    expect(answer.json).toEqual({
      errors: [
        {
          field: 'server',
          message:
            'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal.',
        },
      ],
    })
    expect(answer.text).not.toContain('secret')
    expect(answer.text).not.toContain('.ts')
    expect(logged).toHaveBeenCalled()
  })
})
