import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'astro/zod'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileMemo } from './fileMemo'

let dir: string
let cacheDir: string
let builds = 0
const write = (file: string, content: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
}

let previous = ''

/**
 * One build as it is served: `rendered` pages written anew, `kept` pages hard-linked from the
 * previous build (site/incremental/), `plain` files written. Returns which files the memo read.
 */
async function build(files: {
  rendered?: Record<string, string>
  kept?: string[]
  plain?: Record<string, string>
}): Promise<string[]> {
  const root = path.join(dir, `build-${++builds}`)
  for (const [file, content] of Object.entries({ ...files.rendered, ...files.plain }))
    write(path.join(root, file), content)
  for (const file of files.kept ?? []) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.linkSync(path.join(previous, file), path.join(root, file))
  }
  previous = root
  const memo = new FileMemo(cacheDir, root, 'lengths', z.number())
  const read: string[] = []
  for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    if (fs.statSync(path.join(root, file)).isDirectory()) continue
    const length = await memo.get(file, async () => {
      read.push(file)
      return fs.readFileSync(path.join(root, file), 'utf8').length
    })
    expect(length, file).toBe(fs.readFileSync(path.join(root, file), 'utf8').length)
  }
  memo.save()
  return read
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-memo-'))
  cacheDir = path.join(dir, 'cache')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('FileMemo', () => {
  it('reads a page again only when it was rendered or written anew', async () => {
    expect(
      await build({ rendered: { 'a.html': 'A', 'b.html': 'B' }, plain: { '404.html': 'x' } }),
    ).toEqual(['404.html', 'a.html', 'b.html'])
    expect(await build({ kept: ['a.html', 'b.html'], plain: { '404.html': 'x' } })).toEqual([
      '404.html',
    ])
    // b.html rendered anew, even to the same length: read again.
    expect(await build({ kept: ['a.html'], rendered: { 'b.html': 'C' } })).toEqual(['b.html'])
    expect(await build({ kept: ['a.html', 'b.html'] })).toEqual([])
  })

  it('trusts a bundled asset by its name, and forgets files a build did not have', async () => {
    expect(
      await build({ plain: { '_astro/app.1a2b.js': 'code' }, rendered: { 'a.html': 'A' } }),
    ).toEqual(['_astro/app.1a2b.js', 'a.html'])
    const withPage = previous
    expect(await build({ plain: { '_astro/app.1a2b.js': 'code' } })).toEqual([])
    // a.html was not in the last build: what was learned of it before is no proof any more.
    previous = withPage
    expect(await build({ kept: ['a.html'] })).toEqual(['a.html'])
  })

  it('reads everything when its store is unreadable', async () => {
    await build({ rendered: { 'a.html': 'A' } })
    fs.writeFileSync(path.join(cacheDir, 'lengths.json'), '{"a.html":{"id":1}}')
    expect(await build({ kept: ['a.html'] })).toEqual(['a.html'])
  })
})
