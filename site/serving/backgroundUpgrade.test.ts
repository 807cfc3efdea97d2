import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BUILD_WAITING } from '../../contract'
import { eventually } from '../../scripts/lib/eventually'
import { inBuildProcess, stopUpgrade, upgradeInBackground } from './backgroundUpgrade'
import { precompress } from './precompress'

let dir: string
const words = ['Mittelstand', 'Vertrieb', 'LinkedIn', 'Strategie', 'Team', 'Kunden', 'Reichweite']
const page = (n: number) =>
  Array.from(
    { length: 400 },
    (_, i) => `<p>${words[(i * 7 + n) % 7]} ${(i * 2654435761) % 9973} ${words[(i * 3) % 7]}</p>`,
  ).join('\n')
const slot = globalThis as { [key: symbol]: unknown }

/** A build whose files all got fast brotli; returns its root, cache and upgradable files. */
async function rushedBuild() {
  const root = path.join(dir, 'site')
  fs.mkdirSync(root)
  for (let n = 0; n < 4; n++) fs.writeFileSync(path.join(root, `${n}.html`), page(n))
  const cache = path.join(dir, 'cache')
  const { upgradable } = await precompress(root, cache, { maxQualityMs: 0 })
  const sizes = () => upgradable.map(({ file }) => fs.statSync(`${file}.br`).size)
  return { root, cache, upgradable, sizes }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-'))
})
afterEach(async () => {
  await stopUpgrade()
  delete slot[Symbol.for(BUILD_WAITING)]
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('upgrades after a build', () => {
  it('brings every fast file to max quality in the background', async () => {
    const { root, cache, upgradable, sizes } = await rushedBuild()
    const fast = sizes()
    upgradeInBackground(cache, upgradable)
    await eventually(() => sizes().forEach((size, i) => expect(size).toBeLessThan(fast[i]!)))
    const [first] = upgradable
    expect(brotliDecompressSync(fs.readFileSync(`${first!.file}.br`)).toString()).toBe(page(0))
    // The next build takes the upgraded bytes: nothing left to upgrade.
    expect(await precompress(root, cache)).toMatchObject({ reused: 4, upgradable: [] })
  })

  it('stops for a waiting build, which then clears the signal', async () => {
    const { cache, upgradable, sizes } = await rushedBuild()
    const fast = sizes()
    expect(inBuildProcess()).toBe(false)
    slot[Symbol.for(BUILD_WAITING)] = true // as the CMS's build process does on a request
    expect(inBuildProcess()).toBe(true)
    upgradeInBackground(cache, upgradable)
    await stopUpgrade()
    expect(sizes()).toEqual(fast)
    expect(slot[Symbol.for(BUILD_WAITING)]).toBe(false)
  })
})
