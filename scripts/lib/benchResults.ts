import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as prettier from 'prettier'

/** One line of a benchmark's table: column name → value (numbers already rounded by the bench). */
export type ResultRow = Record<string, string | number | boolean | null>

export type ResultSection = {
  title: string
  measuredAt: string
  machine: string
  rows: ResultRow[]
  notes: string[]
}

export type BenchResults = { sections: Record<string, ResultSection> }

/** Where `npm run bench` keeps its figures; BENCH_RESULTS_DIR moves them (smoke runs, CI). */
export const resultsDir = (): string => path.resolve(process.env.BENCH_RESULTS_DIR ?? 'bench')

const machine = () =>
  `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`

/**
 * Merges one benchmark's headline figures into `bench/results.json` (one section per benchmark,
 * replaced whole on each run) and renders every section again into `bench/results.md`.
 */
export async function recordResult(
  section: string,
  rows: ResultRow[],
  options: { title?: string; notes?: string[] } = {},
): Promise<void> {
  const dir = resultsDir()
  const jsonFile = path.join(dir, 'results.json')
  fs.mkdirSync(dir, { recursive: true })
  const results: BenchResults = fs.existsSync(jsonFile)
    ? (JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as BenchResults)
    : { sections: {} }
  results.sections[section] = {
    title: options.title ?? section,
    measuredAt: new Date().toISOString(),
    machine: machine(),
    rows,
    notes: options.notes ?? [],
  }
  // Formatted as `npm run lint` (Prettier) expects it, so the committed file stays clean.
  const json = await prettier.format(JSON.stringify(results, null, 2), {
    ...(await prettier.resolveConfig(jsonFile)),
    filepath: jsonFile,
  })
  fs.writeFileSync(jsonFile, json)
  fs.writeFileSync(path.join(dir, 'results.md'), renderMarkdown(results))
  console.log(`recorded "${section}" in ${path.relative(process.cwd(), jsonFile)}`)
}

const cell = (value: ResultRow[string] | undefined): string =>
  value === undefined || value === null
    ? '–'
    : typeof value === 'boolean'
      ? value
        ? 'pass'
        : '**FAIL**'
      : String(value).replace(/\|/g, '\\|')

/** Every section as a Markdown table; the columns are the union of its rows' keys, in order. */
export function renderMarkdown(results: BenchResults): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`scripts/lib/benchResults.ts`); do not edit by hand.',
    'The same figures, unrounded where the bench keeps them, are in `results.json`.',
  ]
  for (const [key, section] of Object.entries(results.sections)) {
    const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))]
    lines.push(
      '',
      `## ${section.title}`,
      '',
      `\`${key}\`, measured ${section.measuredAt.slice(0, 16).replace('T', ' ')} UTC on ${section.machine}.`,
      '',
      `| ${columns.join(' | ')} |`,
      `| ${columns.map(() => '---').join(' | ')} |`,
      ...section.rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(' | ')} |`),
    )
    if (section.notes.length) lines.push('', ...section.notes.map((note) => `- ${note}`))
  }
  return `${lines.join('\n')}\n`
}
