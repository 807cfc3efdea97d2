import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'

/** Relative imports of every source file below `dir` (tests excluded), as [from file, to file]. */
function imports(dir: string): [string, string][] {
  const edges: [string, string][] = []
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, entry)
    if (
      !/\.tsx?$/.test(file) ||
      /\.test\.tsx?$/.test(file) ||
      file.includes('.next') ||
      file.includes('migrations')
    )
      continue
    for (const [, target] of fs
      .readFileSync(file, 'utf8')
      .matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      edges.push([file, path.normalize(path.join(path.dirname(file), target!))])
    }
  }
  return edges
}

it('no two folders of cms/ import each other (each feature depends one way)', () => {
  const folder = (file: string) => file.split(path.sep)[1]!
  const links = new Set(
    imports('cms')
      .filter(([, to]) => to.startsWith(`cms${path.sep}`))
      .map(([from, to]) => `${folder(from)} -> ${folder(to)}`)
      .filter((link) => link.split(' -> ')[0] !== link.split(' -> ')[1]),
  )
  const mutual = [...links].filter((link) => links.has(link.split(' -> ').reverse().join(' -> ')))
  expect(mutual).toEqual([])
})
