import type { ResultRow } from '../../lib/benchResults'
import type { SeededDatabase } from './seededDatabase'
import type { Timed } from './timeChange'

const s1 = (ms: number | null) => (ms === null ? null : Number((ms / 1000).toFixed(1)))

/**
 * One result row: the time to served, how much of it passed before the build started (debounce
 * and queue) and the build's own duration. `on` picks what the target is checked against.
 */
export function timedRow(
  measure: string,
  timed: Timed,
  target: { seconds: number | null; on: 'served' | 'build' },
  timeoutMs: number,
): ResultRow {
  const checked = target.on === 'served' ? timed.servedMs : timed.buildMs
  return {
    measure,
    'served s': s1(timed.servedMs),
    'before build s': s1(timed.waitMs),
    'build s': s1(timed.buildMs),
    'build CPU s': Number(timed.buildCpuSeconds.toFixed(1)),
    'peak build RSS MB': timed.peakMb,
    target:
      target.seconds === null
        ? 'report'
        : `≤ ${target.seconds} s ${target.on === 'served' ? 'to served' : 'build'}`,
    pass: target.seconds === null ? null : checked !== null && checked <= target.seconds * 1000,
    detail: timed.servedMs === null ? `not served within ${Math.round(timeoutMs / 1000)} s` : null,
  }
}

/** The console line of one measurement. */
export const timedLine = (measure: string, timed: Timed): string =>
  `${measure}: ${timed.servedMs === null ? 'NOT served' : `${s1(timed.servedMs)} s`}` +
  ` (before build ${s1(timed.waitMs) ?? '–'} s, build ${s1(timed.buildMs) ?? '–'} s` +
  ` using ${timed.buildCpuSeconds.toFixed(1)} CPU s,` +
  ` peak build RSS ${timed.peakMb ?? '–'} MB)`

/** How the database was made, for the notes. */
export function seedNote(seed: SeededDatabase): string {
  const articleRate = seed.articleSeconds > 0 ? Math.round(seed.articles / seed.articleSeconds) : 0
  const commentRate = seed.commentSeconds > 0 ? Math.round(seed.comments / seed.commentSeconds) : 0
  const made =
    `seeding took ${(seed.prepareSeconds + seed.articleSeconds + seed.commentSeconds).toFixed(1)} s: ` +
    `${seed.articles} articles through the Local API in ${seed.articleSeconds.toFixed(1)} s ` +
    `(${articleRate}/s), ${seed.comments} approved comments bulk inserted in ` +
    `${seed.commentSeconds.toFixed(1)} s (${commentRate}/s)`
  return seed.cached
    ? `Database copied from the seed cache in ${seed.readySeconds.toFixed(1)} s (${made}).`
    : `Database seeded afresh (${made}).`
}
