/** Build-time settings of the site, from the environment. */
export const CMS_URL = (process.env.CMS_URL ?? `http://localhost:${process.env.CMS_PORT ?? 3000}`).replace(/\/$/, '')
export const SITE_NAME = process.env.SITE_NAME ?? 'Leuchtturm'
