import { Worker } from 'node:worker_threads'
import { z } from 'astro/zod'

/**
 * A page's files in a `build.format: 'directory'` build, relative to the build: the page and its
 * compressed variants (`/a/` -> `a/index.html`, `a/index.html.br`, `a/index.html.gz`).
 */
export function pageFiles(pagePath: string): [string, string, string] {
  const page = `${pagePath.slice(1)}index.html`
  return [page, `${page}.br`, `${page}.gz`]
}

// The thread's code (plain CommonJS: it is not bundled). Synchronous calls: on this kind of disk
// they are faster than the thread pool's, and the thread has nothing else to do.
const THREAD = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const path = require('node:path')
parentPort.on('message', ({ id, from, to, files }) => {
  const linked = []
  try {
    for (const [page, ...variants] of files) {
      fs.mkdirSync(path.dirname(path.join(to, page)), { recursive: true })
      try {
        fs.linkSync(path.join(from, page), path.join(to, page))
      } catch (error) {
        throw new Error(page + ': ' + error.message)
      }
      linked.push(page)
      for (const file of variants)
        try {
          fs.linkSync(path.join(from, file), path.join(to, file))
          linked.push(file)
        } catch (error) {
          // Not every page has compressed variants (too small, or it did not shrink).
          if (error.code !== 'ENOENT') throw new Error(file + ': ' + error.message)
        }
    }
    parentPort.postMessage({ id, linked })
  } catch (error) {
    parentPort.postMessage({ id, error: error.message })
  }
})`

const reply = z.object({
  id: z.number(),
  linked: z.array(z.string()).optional(),
  error: z.string().optional(),
})

/**
 * Hard-links kept pages from the last build into this one on a thread of its own: the page and
 * its compressed variants (where that build had them). It works while Astro renders the other
 * pages, so the disk's work (at 10,000 articles 21,000 folders and 64,000 links, about 2 s)
 * overlaps Astro's instead of following it.
 */
export class PageLinker {
  readonly #thread = new Worker(THREAD, { eval: true })
  readonly #pending = new Map<
    number,
    { resolve: (files: string[]) => void; reject: (error: Error) => void }
  >()
  #nextId = 0

  constructor() {
    this.#thread.on('message', (message: unknown) => {
      const { id, linked, error } = reply.parse(message)
      const pending = this.#pending.get(id)
      this.#pending.delete(id)
      if (error !== undefined) pending?.reject(new Error(error))
      else pending?.resolve(linked ?? [])
    })
    // Between builds the thread must not keep the process alive.
    this.#thread.unref()
  }

  /** Links the pages (`/blog/x/`) of `from` into `to`; resolves with the files linked. */
  link(from: string, to: string, pagePaths: string[]): Promise<string[]> {
    const id = this.#nextId++
    const files = pagePaths.map(pageFiles)
    const done = new Promise<string[]>((resolve, reject) =>
      this.#pending.set(id, { resolve, reject }),
    )
    this.#thread.postMessage({ id, from, to, files })
    return done
  }
}

// One per process, for every build and between them (stagedPages.ts); Astro loads this module
// anew for each build, hence the process-wide slot. Its thread never keeps the process alive.
const LINKER = Symbol.for('leuchtturm.pageLinker')
const slot = globalThis as { [LINKER]?: PageLinker }
export const pageLinker = (): PageLinker => (slot[LINKER] ??= new PageLinker())
