import fs from 'node:fs'
import path from 'node:path'

/** Every file under `root`, relative and `/`-separated. */
export const listFiles = (root: string): string[] =>
  !fs.existsSync(root)
    ? []
    : fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
        .map((file) => file.split(path.sep).join('/'))

type BuildFilesRecord = { root: string; files: Set<string>; kept: Set<string> }
// One build per module instance: Astro loads the config, and these integrations with it, anew.
let record: BuildFilesRecord | undefined

/**
 * The files of the build in progress, known without listing its folder. Listing it opens every
 * page's folder: 21,000 of them at 10,000 articles, 1–2 s for each step that did. The kept pages'
 * step records what Astro wrote and what it linked (keptPagesIntegration.ts); later steps record
 * what they write below the top level. Files at the top level are listed on each ask (one folder).
 */
export function recordBuildFiles(root: string, written: string[], kept: string[]): void {
  record = { root: path.resolve(root), files: new Set([...written, ...kept]), kept: new Set(kept) }
}

/** A file a step wrote into the build, below its top level. */
export function recordWritten(root: string, file: string): void {
  if (record?.root === path.resolve(root)) record.files.add(file)
}

/**
 * The build's files, and whether one was kept from the last build (the same file as then: what a
 * step learned of it then still holds). Without a record (a build without the kept pages' step,
 * a test), the folder is listed and nothing counts as kept.
 */
export function buildFiles(root: string): { files: string[]; isKept: (file: string) => boolean } {
  if (record?.root !== path.resolve(root)) return { files: listFiles(root), isKept: () => false }
  const { files, kept } = record
  for (const entry of fs.readdirSync(root, { withFileTypes: true }))
    if (entry.isFile()) files.add(entry.name)
  return { files: [...files].sort(), isKept: (file) => kept.has(file) }
}
