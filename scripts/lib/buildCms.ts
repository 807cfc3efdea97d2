import { buildIfStale, fingerprint } from './fingerprint'
import { run } from './processes'

/** Builds the Next.js admin (`next build cms`) unless cms/ and the lockfile are unchanged since the last build. */
export function buildCmsIfStale(): Promise<boolean> {
  const print = fingerprint(['cms', 'package-lock.json', 'tsconfig.json'])
  return buildIfStale('cms/.next/leuchtturm.stamp', print, () =>
    run('next', ['build', 'cms'], { env: { NODE_ENV: 'production' }, quiet: true }),
  )
}
