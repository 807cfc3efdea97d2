import fs from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildsDir, newBuildDir, switchSite } from './switchSite'

let root: string
let siteDir: string

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-switch-'))
  siteDir = path.join(root, 'dist', 'site')
  fs.mkdirSync(path.dirname(siteDir))
})
afterEach(() => {
  vi.useRealTimers()
  fs.rmSync(root, { recursive: true, force: true })
})

/** A finished build named like newBuildDir's, started `n` ms after 10:00, with its two pages. */
const buildName = (n: number) => `2026-11-27T10-00-00-${String(n).padStart(3, '0')}Z`
function build(n: number): string {
  const dir = path.join(buildsDir(siteDir), buildName(n))
  fs.mkdirSync(path.join(dir, 'artikel'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'artikel', 'index.html'), `Artikel aus Build ${n}`)
  fs.writeFileSync(path.join(dir, 'index.html'), `Startseite aus Build ${n}`)
  return dir
}

const servedPage = () => fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8')
const keptBuilds = () => fs.readdirSync(buildsDir(siteDir)).sort()
const leftovers = () =>
  fs.readdirSync(path.dirname(siteDir)).filter((name) => name.includes('next-link'))

describe('build folders', () => {
  it('live next to the served site, not inside it', () => {
    expect(buildsDir(siteDir)).toBe(`${siteDir}.builds`)
    expect(path.dirname(newBuildDir(siteDir))).toBe(buildsDir(siteDir))
  })

  it('are named so that later builds sort after earlier ones, without characters a file system may refuse', () => {
    vi.useFakeTimers()
    const names = [
      '2026-11-27T09:59:59.999Z',
      '2026-11-27T10:00:00.000Z',
      '2026-11-27T10:00:00.001Z',
      '2027-01-01T00:00:00.000Z',
    ].map((time) => {
      vi.setSystemTime(new Date(time))
      return path.basename(newBuildDir(siteDir))
    })
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual(names)
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9-]+$/)
  })
})

describe('switchSite', () => {
  it('replaces the plain site folder of a first deploy with a link to the build', async () => {
    fs.mkdirSync(siteDir)
    fs.writeFileSync(path.join(siteDir, 'index.html'), 'alte Seite')
    fs.writeFileSync(path.join(siteDir, 'veraltet.html'), 'nicht mehr da')
    const first = build(1)
    await switchSite(siteDir, first)
    expect(fs.lstatSync(siteDir).isSymbolicLink()).toBe(true)
    expect(fs.realpathSync(siteDir)).toBe(fs.realpathSync(first))
    expect(servedPage()).toBe('Startseite aus Build 1')
    expect(fs.existsSync(path.join(siteDir, 'veraltet.html'))).toBe(false)
  })

  it('works when there is no site yet at all', async () => {
    await switchSite(siteDir, build(1))
    expect(servedPage()).toBe('Startseite aus Build 1')
  })

  it('points the site at each new build in turn, keeping the previous ones for now', async () => {
    await switchSite(siteDir, build(1))
    await switchSite(siteDir, build(2))
    expect(servedPage()).toBe('Startseite aus Build 2')
    expect(fs.readFileSync(path.join(siteDir, 'artikel', 'index.html'), 'utf8')).toBe(
      'Artikel aus Build 2',
    )
    expect(keptBuilds()).toHaveLength(2)
  })

  it('links relatively, so the whole dist folder can be moved or mounted elsewhere', async () => {
    await switchSite(siteDir, build(1))
    expect(path.isAbsolute(fs.readlinkSync(siteDir))).toBe(false)
    const moved = path.join(root, 'verschoben')
    fs.renameSync(path.dirname(siteDir), moved)
    expect(fs.readFileSync(path.join(moved, 'site', 'index.html'), 'utf8')).toBe(
      'Startseite aus Build 1',
    )
  })

  it('keeps only the newest builds, three unless told otherwise, removing the others after the switch', async () => {
    for (let n = 1; n <= 5; n++) await (await switchSite(siteDir, build(n))).pruned
    expect(keptBuilds()).toEqual([buildName(3), buildName(4), buildName(5)])
    const { pruned } = await switchSite(siteDir, build(6), 1)
    // Served at once; the old builds go in the background.
    expect(servedPage()).toBe('Startseite aus Build 6')
    await pruned
    expect(keptBuilds()).toEqual([buildName(6)])
    expect(servedPage()).toBe('Startseite aus Build 6')
  })

  it('waits with removing old builds while a build runs', async () => {
    await switchSite(siteDir, build(1))
    let building = true
    const { pruned } = await switchSite(siteDir, build(2), 1, () => building)
    await sleep(300)
    expect(keptBuilds()).toContain(buildName(1))
    building = false
    await pruned
    expect(keptBuilds()).toEqual([buildName(2)])
  })

  it('never prunes the build it just switched to, even when its name sorts before the kept ones', async () => {
    for (let n = 5; n <= 7; n++) await (await switchSite(siteDir, build(n))).pruned
    await (
      await switchSite(siteDir, build(1))
    ).pruned
    expect(servedPage()).toBe('Startseite aus Build 1')
    expect(keptBuilds()).toContain(buildName(1))
    await (
      await switchSite(siteDir, build(2), 0)
    ).pruned
    expect(servedPage()).toBe('Startseite aus Build 2')
    expect(keptBuilds()).toEqual([buildName(2)])
  })

  it('leaves no temporary link behind, also after a switch that was interrupted earlier', async () => {
    await switchSite(siteDir, build(1))
    expect(leftovers()).toEqual([])
    // a crash between creating the temporary link and renaming it
    fs.symlinkSync('site.builds/gibt-es-nicht', `${siteDir}.next-link`)
    await switchSite(siteDir, build(2))
    expect(servedPage()).toBe('Startseite aus Build 2')
    expect(leftovers()).toEqual([])
  })

  it('never shows readers a missing or half site while it switches', async () => {
    await switchSite(siteDir, build(0))
    const stop = new Int32Array(new SharedArrayBuffer(4))
    // Another thread reads the site as fast as it can, as a web server would, while this one deploys.
    const reader = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
      const fs = require('node:fs')
      const path = require('node:path')
      const { siteDir, stop } = workerData
      const seen = new Set()
      const problems = []
      let reads = 0
      parentPort.postMessage({ ready: true })
      while (Atomics.load(stop, 0) === 0) {
        try {
          const page = fs.readFileSync(path.join(siteDir, 'index.html'), 'utf8')
          const match = /^Startseite aus Build (\\d+)$/.exec(page)
          if (match) seen.add(match[1])
          else problems.push('read: ' + page)
        } catch (error) {
          problems.push(error.code || String(error))
        }
        reads++
      }
      parentPort.postMessage({ reads, builds: seen.size, problems: problems.slice(0, 5), problemCount: problems.length })`,
      { eval: true, workerData: { siteDir, stop } },
    )
    const result = new Promise<{
      reads: number
      builds: number
      problems: string[]
      problemCount: number
    }>((resolve, reject) => {
      reader.on('message', (message) => 'reads' in message && resolve(message))
      reader.on('error', reject)
    })
    await new Promise((resolve) => reader.once('message', resolve))

    for (let n = 1; n <= 150; n++) await switchSite(siteDir, build(n), 1000)
    Atomics.store(stop, 0, 1)
    const { reads, builds, problems, problemCount } = await result
    await reader.terminate()

    expect({ problemCount, problems }).toEqual({ problemCount: 0, problems: [] })
    expect(reads).toBeGreaterThan(0)
    expect(builds).toBeGreaterThan(0)
  })
})
