import fs from 'node:fs'
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headersFile, siteSecurityHeaders } from '../../site/security/siteHeaders'
import { createStaticServer, listen } from './staticServer'

const HEADERS = siteSecurityHeaders({
  siteUrl: 'https://blog.example.de',
  cmsUrl: 'https://cms.example.de',
  hashes: { scripts: ["'sha256-abc='"], styles: [] },
})
let root: string
let dir: string
let server: http.Server
let url: string

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'static-server-'))
  for (const build of ['with', 'without']) {
    fs.mkdirSync(path.join(root, build))
    fs.writeFileSync(path.join(root, build, 'index.html'), '<!doctype html><p>hi')
    fs.writeFileSync(path.join(root, build, '404.html'), '<!doctype html><p>nope')
  }
  fs.writeFileSync(path.join(root, 'with', '_headers'), headersFile(HEADERS))
  dir = path.join(root, 'with')
  server = createStaticServer(() => dir)
  await listen(server, 0)
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(root, { recursive: true, force: true })
})

describe('createStaticServer', () => {
  it('sends the build’s _headers on pages, 404s and conditional answers', async () => {
    dir = path.join(root, 'with')
    const page = await fetch(`${url}/`)
    const missing = await fetch(`${url}/gibt-es-nicht/`)
    const notModified = await fetch(`${url}/`, {
      headers: { 'if-none-match': page.headers.get('etag')! },
    })
    expect([page.status, missing.status, notModified.status]).toEqual([200, 404, 304])
    for (const response of [page, missing, notModified])
      for (const [name, value] of Object.entries(HEADERS))
        expect(response.headers.get(name), name).toBe(value)
  })

  it('still refuses framing for a build made before _headers existed', async () => {
    dir = path.join(root, 'without')
    const page = await fetch(`${url}/`)
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'")
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
