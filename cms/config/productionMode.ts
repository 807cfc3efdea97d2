type Env = Record<string, string | undefined>

export const isHttps = (url: string | undefined): boolean => /^https:\/\//i.test(url?.trim() ?? '')

/**
 * Production mode: NODE_ENV=production or a CMS_URL on https (a server others reach). It asks
 * for PAYLOAD_SECRET (cms/config/secret.ts); an https CMS_URL also makes editor cookies Secure.
 * `npm start` / `npm run dev` decide it from the user's own environment before they run their
 * children with NODE_ENV=production (scripts/lib/launchSecret.ts), so a plain `npm start` on
 * http://localhost stays a development start that needs no configuration.
 */
export const productionMode = (env: Env = process.env): boolean =>
  env.NODE_ENV === 'production' || isHttps(env.CMS_URL)
