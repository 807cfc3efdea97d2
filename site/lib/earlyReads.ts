import type { AstroIntegration } from 'astro'
import { syncArticles } from './articleStore'
import { fetchBuildStamps } from './cms'

/**
 * The CMS reads every build needs (the articles, the build stamps), started by the build's first
 * hook: they then overlap Astro's bundling (about 1 s at 10,000 articles) instead of following
 * it. The pages take them (lib/articles.ts, buildPlan.ts); they are another module instance than
 * this integration, hence the process-wide slot.
 */
const EARLY = Symbol.for('leuchtturm.earlyReads')
type EarlyReads = {
  articles?: ReturnType<typeof syncArticles>
  stamps?: ReturnType<typeof fetchBuildStamps>
}
const slot = globalThis as { [EARLY]?: EarlyReads }

/** A read this build started early (once), or undefined: the caller reads now. */
export function takeEarly<K extends keyof EarlyReads>(key: K): EarlyReads[K] {
  const reads = slot[EARLY]
  const read = reads?.[key]
  if (reads) reads[key] = undefined
  return read
}

export function earlyReads(): AstroIntegration {
  return {
    name: 'leuchtturm:early-reads',
    hooks: {
      'astro:build:start': () => {
        const reads = { articles: syncArticles(), stamps: fetchBuildStamps() }
        // Awaited by the pages; a failure surfaces there.
        for (const read of Object.values(reads)) read.catch(() => {})
        slot[EARLY] = reads
      },
    },
  }
}
