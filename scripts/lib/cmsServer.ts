import path from 'node:path'
import { build } from 'esbuild'
/**
 * How the production CMS server (`next start cms` through scripts/cms-server.ts) runs, for
 * `npm start` and the benchmark alike.
 * The heap is capped: V8 otherwise lets garbage pile up to gigabytes before collecting, and the
 * CMS is meant to share one small machine with the site (measured: 666 MB resident uncapped).
 */
export const CMS_SERVER_ENV = {
  NODE_ENV: 'production',
  // The server runs the jobs queue (emails, rebuilds); scripts don't.
  RUN_JOBS: 'true',
  NODE_OPTIONS: '--max-old-space-size=320',
} as const

/** Where `bundleCmsServer` writes the server: beside the admin build it serves, ignored by git. */
export const CMS_SERVER_BUNDLE = path.resolve('cms/.next/cms-server.mjs')

/**
 * scripts/cms-server.ts as one plain JavaScript file (dependencies stay imports), so the server
 * runs on bare Node: under tsx, its loader thread cost about 70 MB resident (measured:
 * 431 MB against 360 MB after the same load). Takes some 30 ms, so every start does it.
 */
export async function bundleCmsServer(): Promise<string> {
  await build({
    entryPoints: ['scripts/cms-server.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outfile: CMS_SERVER_BUNDLE,
    logLevel: 'warning',
  })
  return CMS_SERVER_BUNDLE
}
