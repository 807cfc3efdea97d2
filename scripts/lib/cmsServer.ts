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
