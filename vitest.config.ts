import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@payload-config': path.resolve('cms/payload.config.ts') } },
  test: {
    include: ['tests/**/*.test.ts', 'cms/**/*.test.ts', 'site/**/*.test.ts', 'site/**/*.test.tsx', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
    env: { LOG_LEVEL: 'warn' },
    globalSetup: ['tests/e2e/globalSetup.ts'],
  },
})
