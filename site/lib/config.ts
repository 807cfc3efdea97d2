/** Build-time settings of the site, from the environment (absent in the browser: islands get them as props). */
const env: Record<string, string | undefined> = globalThis.process?.env ?? {}
export const CMS_URL = (env.CMS_URL ?? `http://localhost:${env.CMS_PORT ?? 3000}`).replace(
  /\/$/,
  '',
)
export const SITE_NAME = env.SITE_NAME ?? 'Leuchtturm'
