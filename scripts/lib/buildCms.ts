import { buildIfStale, fingerprint } from './fingerprint'
import { run } from './processes'

const BUILD_SECRET = 'next-build-only-signs-nothing-000000000000'

/** Builds the Next.js admin (`next build cms`) unless cms/ and the lockfile are unchanged since the last build. */
export function buildCmsIfStale(): Promise<boolean> {
  const print = fingerprint(['cms', 'package-lock.json', 'tsconfig.json'])
  return buildIfStale('cms/.next/leuchtturm.stamp', print, () =>
    run('next', ['build', 'cms'], {
      // The build signs nothing, but loading the config in production mode asks for a secret.
      env: { NODE_ENV: 'production', PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || BUILD_SECRET },
      quiet: true,
    }),
  )
}
