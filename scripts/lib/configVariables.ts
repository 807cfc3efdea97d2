/**
 * Every environment variable the product reads (README, "Configuration"), in one list: what a
 * user's shell can change about cms/, site/, scripts/ and astro.config.mjs. The tests start without
 * any of them (vitest.config.ts) and hand each child process its own; a unit test
 * (configVariables.test.ts) fails when the source reads a variable missing here.
 */
export const CONFIG_VARIABLES = [
  'DATABASE_URI',
  'PAYLOAD_SECRET',
  'PAYLOAD_DB_PUSH',
  'CMS_PORT',
  'SITE_PORT',
  'CMS_URL',
  'SITE_URL',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'SITE_NAME',
  'DATA_DIR',
  'MEDIA_DIR',
  'SITE_OUT_DIR',
  'ASTRO_CACHE_DIR',
  'LOG_LEVEL',
  'RESEND_API_KEY',
  'MAIL_FROM',
  'MAIL_DAILY_LIMIT',
  'RESEND_RATE',
  'RESEND_BACKOFF_MS',
  'RESEND_MAX_ATTEMPTS',
  'RESEND_BASE_URL',
  'EDITOR_EMAIL',
  'SITE_DEPLOY_HOOK',
  'REBUILD_DEBOUNCE_MS',
  'SITE_BUILDER_MAX_RSS_MB',
  'SITE_AUTO_REBUILD',
  'RUN_JOBS',
  'RATE_LIMITS',
  'RATE_LIMIT_STORE',
  'TRUST_PROXY',
  'BACKUP_DIR',
] as const
export type ConfigVariable = (typeof CONFIG_VARIABLES)[number]

/** Read by a library for the product rather than by its own source: `resend` reads RESEND_BASE_URL. */
export const LIBRARY_VARIABLES: readonly ConfigVariable[] = ['RESEND_BASE_URL']

type Env = Record<string, string | undefined>

/** The environment without any of the product's configuration: PATH, HOME and the like stay. */
export function withoutConfig(env: Env = process.env): NodeJS.ProcessEnv {
  const names = new Set<string>(CONFIG_VARIABLES)
  return Object.fromEntries(
    Object.entries(env).filter(([name, value]) => !names.has(name) && value !== undefined),
  ) as NodeJS.ProcessEnv
}

/** Removes the product's configuration from `env` in place (the test runner's own process.env). */
export function clearConfig(env: Env = process.env): void {
  for (const name of CONFIG_VARIABLES) delete env[name]
}

/**
 * The env for a child process: the caller's shell without the product's configuration, plus
 * exactly the configuration given. The child sees the same settings whatever shell started it.
 */
export function childEnv(config: Env = {}): NodeJS.ProcessEnv {
  const given = Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined),
  )
  return { ...withoutConfig(process.env), ...given } as NodeJS.ProcessEnv
}
