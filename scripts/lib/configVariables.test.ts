import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CONFIG_VARIABLES,
  LIBRARY_VARIABLES,
  childEnv,
  clearConfig,
  withoutConfig,
} from './configVariables'

/** Where the product reads its environment. */
const SOURCES = ['cms', 'site', 'scripts', 'astro.config.mjs']
const SKIP_DIRS = new Set(['node_modules', '.next', '.astro', 'dist', 'data'])
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx|astro)$/
/** Test files and their helper folders read test-only variables. */
const TEST_FILE = /\.test\.[a-z]+$/

/** Read by tests and benchmarks only, or by Node and the tools themselves: not product configuration. */
const NOT_CONFIG = [
  /^BENCH_/,
  /^SEED_SUBSCRIBERS$/,
  /^TEST_MONGODB_URI$/,
  /^CHROMIUM_PATH$/,
  /^NODE_ENV$/,
]
/** What Vite and Astro put on import.meta.env themselves. */
const VITE_BUILT_INS = new Set(['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'SITE', 'ASSETS_PREFIX'])

function* sourceFiles(entry: string): Generator<string> {
  const stat = fs.statSync(entry, { throwIfNoEntry: false })
  if (!stat) return
  if (stat.isFile()) {
    if (EXTENSIONS.test(entry) && !TEST_FILE.test(entry)) yield entry
    return
  }
  if (path.basename(entry) === 'test') return
  for (const name of fs.readdirSync(entry).sort())
    if (!SKIP_DIRS.has(name)) yield* sourceFiles(path.join(entry, name))
}

/**
 * Helpers that read the variable their first parameter names (`function numberSetting(name, …) {
 * … process.env[name] … }`), and the computed reads that are not of that kind.
 */
function envHelpers(source: string): { helpers: string[]; unexplained: number } {
  const helpers: string[] = []
  let unexplained = 0
  const declarations = [
    ...source.matchAll(
      /(?:function\s+([\w$]+)\s*(?:<[^>]*>)?\s*\(\s*([\w$]+)|(?:const|let)\s+([\w$]+)\s*=\s*(?:async\s*)?\(\s*([\w$]+))/g,
    ),
  ]
  for (const read of source.matchAll(/process\.env\s*\[\s*(?!['"`])([^\]]*)\]/g)) {
    const declaration = declarations.filter((d) => d.index < read.index).at(-1)
    const [name, parameter] = declaration
      ? [declaration[1] ?? declaration[3], declaration[2] ?? declaration[4]]
      : []
    if (name && parameter === read[1]!.trim()) helpers.push(name)
    else unexplained++
  }
  return { helpers, unexplained }
}

/** Every `process.env.X`, `process.env['X']`, `const { X } = process.env`, `import.meta.env.X` and `helper('X')`. */
function envReads(source: string, helpers: string[] = []): string[] {
  const names: string[] = []
  for (const match of source.matchAll(/process\.env(?:\?\.|\.)([A-Za-z_$][\w$]*)/g))
    names.push(match[1]!)
  for (const match of source.matchAll(/process\.env\s*\[\s*(['"`])([^'"`]+)\1\s*\]/g))
    names.push(match[2]!)
  for (const match of source.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g))
    for (const part of match[1]!.split(',')) {
      const name = part.split(/[:=]/)[0]!.replace('...', '').trim()
      if (name) names.push(name)
    }
  for (const match of source.matchAll(/import\.meta\.env\.([A-Za-z_$][\w$]*)/g))
    if (!VITE_BUILT_INS.has(match[1]!)) names.push(match[1]!)
  for (const helper of helpers)
    for (const match of source.matchAll(
      new RegExp(`\\b${helper.replace(/\$/g, '\\$')}\\s*\\(\\s*(['"\`])([A-Za-z_][\\w]*)\\1`, 'g'),
    ))
      names.push(match[2]!)
  return names
}

function scan() {
  const sources = new Map(
    SOURCES.flatMap((entry) => [...sourceFiles(entry)]).map((file) => [
      file,
      fs.readFileSync(file, 'utf8'),
    ]),
  )
  const helpers: string[] = []
  const dynamic: string[] = []
  for (const [file, source] of sources) {
    const found = envHelpers(source)
    helpers.push(...found.helpers)
    if (found.unexplained) dynamic.push(file)
  }
  const reads = new Map<string, Set<string>>()
  for (const [file, source] of sources)
    for (const name of envReads(source, helpers))
      reads.set(name, (reads.get(name) ?? new Set()).add(file))
  return { reads, dynamic }
}

describe('the list of configuration variables', () => {
  const { reads, dynamic } = scan()
  const listed = new Set<string>(CONFIG_VARIABLES)

  it('finds the reads it looks for (the scan itself works)', () => {
    expect(
      envReads(
        "a = process.env.A_1; b = process.env['B']; const { C, D: d = 1 } = process.env; e = import.meta.env.PUBLIC_E; import.meta.env.DEV",
      ),
    ).toEqual(['A_1', 'B', 'C', 'D', 'PUBLIC_E'])
    const helper =
      'export function setting(name: string, fallback = 1) {\n  return process.env[name] ?? fallback\n}\nconst x = setting("F_2", 3)'
    expect(envHelpers(helper)).toEqual({ helpers: ['setting'], unexplained: 0 })
    expect(envReads(helper, ['setting'])).toEqual(['F_2'])
    expect(envHelpers('const key = pick()\nprocess.env[key]').unexplained).toBe(1)
    expect([...reads.keys()]).toEqual(
      expect.arrayContaining([
        'DATABASE_URI',
        'CMS_URL',
        'SITE_URL',
        'RESEND_API_KEY',
        'RESEND_RATE',
      ]),
    )
  })

  it('names every variable cms/, site/, scripts/ and astro.config.mjs read', () => {
    const missing = [...reads]
      .filter(([name]) => !listed.has(name) && !NOT_CONFIG.some((pattern) => pattern.test(name)))
      .map(([name, files]) => `${name} (read in ${[...files].join(', ')})`)
    expect(missing, 'add these to CONFIG_VARIABLES in scripts/lib/configVariables.ts').toEqual([])
  })

  it('reads no variable by a computed name, except through a helper whose first parameter names it', () => {
    expect(dynamic).toEqual([])
  })

  it('lists nothing the product no longer reads', () => {
    const unread = CONFIG_VARIABLES.filter(
      (name) => !reads.has(name) && !LIBRARY_VARIABLES.includes(name),
    )
    expect(unread).toEqual([])
  })
})

describe('a clean environment', () => {
  it('drops the configuration, keeps the rest, and adds exactly what a child is given', () => {
    const shell = {
      PATH: '/usr/bin',
      HOME: '/home/x',
      SITE_PORT: '4999',
      DATABASE_URI: 'file:/nonexistent/x.db',
      TEST_MONGODB_URI: 'mongodb://db',
    }
    expect(withoutConfig(shell)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/x',
      TEST_MONGODB_URI: 'mongodb://db',
    })
    const env: Record<string, string | undefined> = { ...shell }
    clearConfig(env)
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/x', TEST_MONGODB_URI: 'mongodb://db' })
    expect(childEnv({ CMS_PORT: '3310', SITE_URL: undefined })).toMatchObject({ CMS_PORT: '3310' })
    expect(childEnv()).not.toHaveProperty('SITE_URL')
  })

  it('is what this test process started with', () => {
    // vitest.config.ts sets these two for every test.
    const given = new Set(['LOG_LEVEL', 'RATE_LIMITS'])
    for (const name of CONFIG_VARIABLES.filter((name) => !given.has(name)))
      expect(process.env[name], name).toBeUndefined()
  })
})
