import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { precompress, upgradeBrotli } from './precompress'

let dir: string
const text = (seed: string) =>
  Array.from({ length: 400 }, (_, i) => `<p>${seed} Absatz ${i % 37}</p>`).join('\n')
/** A build folder with these files; returns its root. */
function build(name: string, files: Record<string, string | Buffer>) {
  const root = path.join(dir, name)
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), content)
  }
  return root
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precompress-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('precompress', () => {
  it('writes .br and .gz of compressible files that shrink, the same bytes decompressed', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(Math.random() * 256)))
    const root = build('one', {
      'index.html': text('a'),
      '_astro/app.css': text('b'),
      'klein.html': '<p>kurz</p>',
      'bild.png': text('c'),
      'zufall.js': random,
    })
    const report = await precompress(root, path.join(dir, 'cache'))
    const at = (file: string) => path.join(root, file)
    expect(brotliDecompressSync(fs.readFileSync(at('index.html.br'))).toString()).toBe(text('a'))
    expect(gunzipSync(fs.readFileSync(at('index.html.gz'))).toString()).toBe(text('a'))
    expect(fs.existsSync(at('_astro/app.css.br'))).toBe(true)
    for (const skipped of ['klein.html', 'bild.png', 'zufall.js'])
      for (const extension of ['br', 'gz'])
        expect(fs.existsSync(at(`${skipped}.${extension}`)), `${skipped}.${extension}`).toBe(false)
    expect(report).toMatchObject({ files: 3, compressed: 3, fast: 0, reused: 0 })
  })

  it('reuses the compressed bytes of unchanged files in the next build folder and prunes the rest', async () => {
    const cache = path.join(dir, 'cache')
    await precompress(build('first', { 'a.html': text('a'), 'b.html': text('b') }), cache)
    const entries = fs.readdirSync(cache).length
    const second = build('second', { 'a.html': text('a'), 'c.html': text('c') })
    const report = await precompress(second, cache)
    expect(report).toMatchObject({ files: 2, compressed: 1, fast: 0, reused: 1 })
    expect(brotliDecompressSync(fs.readFileSync(path.join(second, 'a.html.br'))).toString()).toBe(
      text('a'),
    )
    // b.html's entries are gone, c.html's are in: the cache holds what the last build used.
    expect(fs.readdirSync(cache)).toHaveLength(entries)
    const third = await precompress(build('third', { 'c.html': text('c') }), cache)
    expect(third).toMatchObject({ files: 1, compressed: 0, fast: 0, reused: 1 })
    expect(fs.readdirSync(cache)).toHaveLength(entries / 2)
  })

  it('remembers that a file does not shrink, and never leaves a stale variant', async () => {
    const cache = path.join(dir, 'cache')
    const random = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(Math.random() * 256)))
    const root = build('one', { 'x.js': random })
    fs.writeFileSync(path.join(root, 'x.js.br'), 'stale')
    expect(await precompress(root, cache)).toMatchObject({
      files: 1,
      compressed: 1,
      fast: 0,
      reused: 0,
    })
    expect(await precompress(build('two', { 'x.js': random }), cache)).toMatchObject({
      files: 1,
      compressed: 0,
      fast: 0,
      reused: 1,
    })
    expect(fs.existsSync(path.join(root, 'x.js.br'))).toBe(false)
  })

  it('falls back to fast brotli when the max-quality time is used up; upgradeBrotli upgrades it in place', async () => {
    const cache = path.join(dir, 'cache')
    const files = { 'a.html': text('a'), 'b.html': text('b') }
    const best = await precompress(build('best', files), path.join(dir, 'other'))
    const rushed = build('rushed', files)
    const report = await precompress(rushed, cache, { maxQualityMs: 0 })
    expect(report).toMatchObject({ files: 2, compressed: 0, fast: 2, reused: 0 })
    expect(report.upgradable.map((u) => path.relative(rushed, u.file))).toEqual([
      'a.html',
      'b.html',
    ])
    expect(best.compressed).toBe(2)
    const size = (root: string) => fs.statSync(path.join(root, 'a.html.br')).size
    expect(size(rushed)).not.toBe(size(path.join(dir, 'best'))) // another quality
    expect(brotliDecompressSync(fs.readFileSync(path.join(rushed, 'a.html.br'))).toString()).toBe(
      text('a'),
    )
    // A build with time to spare still reuses the fast bytes: upgrading is not its job.
    const again = build('again', files)
    const second = await precompress(again, cache)
    expect(second).toMatchObject({ fast: 0, compressed: 0, reused: 2 })
    // A waiting build stops the upgrade; then it upgrades the served files where they are.
    expect(await upgradeBrotli(cache, second.upgradable, () => true)).toBe(0)
    expect(await upgradeBrotli(cache, second.upgradable, () => false)).toBe(2)
    // The smaller of both qualities (on text this repetitive, brotli 5 may win).
    const smallest = Math.min(size(path.join(dir, 'best')), size(rushed))
    expect(size(again)).toBe(smallest)
    expect(brotliDecompressSync(fs.readFileSync(path.join(again, 'b.html.br'))).toString()).toBe(
      text('b'),
    )
    expect(fs.readdirSync(again).filter((name) => name.endsWith('.tmp'))).toEqual([])
    // The next build takes the upgraded bytes and prunes the fast ones.
    const next = build('next', files)
    expect(await precompress(next, cache)).toMatchObject({ reused: 2, upgradable: [] })
    expect(size(next)).toBe(smallest)
    expect(fs.readdirSync(cache).filter((entry) => entry.endsWith('.fast'))).toEqual([])
  })

  it('never writes through a link of an earlier run into its cache', async () => {
    const cache = path.join(dir, 'cache')
    const root = build('same', { 'a.html': text('a') })
    await precompress(root, cache)
    // a.html.br is a link to the entry of text a, which x.html still uses.
    fs.writeFileSync(path.join(root, 'a.html'), text('b'))
    fs.writeFileSync(path.join(root, 'x.html'), text('a'))
    await precompress(root, cache)
    const decoded = (file: string) =>
      brotliDecompressSync(fs.readFileSync(path.join(root, file))).toString()
    expect(decoded('a.html.br')).toBe(text('b'))
    expect(decoded('x.html.br')).toBe(text('a'))
  })
})
