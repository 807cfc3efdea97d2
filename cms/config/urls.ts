/** Where the CMS and the static site answer; both are derived from the ports unless set outright. */
export const cmsPort = (): number => Number(process.env.CMS_PORT ?? 3000)
export const sitePort = (): number => Number(process.env.SITE_PORT ?? 4321)
export const cmsUrl = (): string => (process.env.CMS_URL ?? `http://localhost:${cmsPort()}`).replace(/\/$/, '')
export const siteUrl = (): string => (process.env.SITE_URL ?? `http://localhost:${sitePort()}`).replace(/\/$/, '')
