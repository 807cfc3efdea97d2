import path from 'node:path'
import { defineConfig } from 'vitest/config'
import { clearConfig } from './scripts/lib/configVariables.ts'
import { TEST_RATE_LIMITS } from './tests/helpers/testRateLimits.ts'

// Tests never see the caller's configuration (SITE_PORT, DATABASE_URI, …): this process, the global
// setup and the forked workers start without it, and every test sets what it needs. TEST_MONGODB_URI
// (opt-in MongoDB run) and CHROMIUM_PATH are not configuration of the product and stay.
clearConfig(process.env)

export default defineConfig({
  resolve: { alias: { '@payload-config': path.resolve('cms/payload.config.ts') } },
  test: {
    // Shared by every project (inline projects extend this config).
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Generous rate limits unless a test sets its own (tests/helpers/testRateLimits.ts).
    env: { LOG_LEVEL: 'warn', RATE_LIMITS: TEST_RATE_LIMITS },
    projects: [
      {
        test: {
          name: 'unit',
          // No server, no global setup; site tests choose happy-dom per file (`// @vitest-environment`).
          include: [
            'tests/unit/**/*.test.ts',
            'contract/**/*.test.ts',
            'cms/**/*.test.{ts,tsx}',
            'site/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The admin (`next build cms`) is built once, before the end-to-end files start the stack.
          globalSetup: ['tests/e2e/globalSetup.ts'],
        },
      },
    ],
  },
})
