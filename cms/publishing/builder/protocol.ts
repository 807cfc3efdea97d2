import { z } from 'zod'

/** Messages between the CMS (siteBuilder.ts) and its build process (worker.ts), over IPC. */
export const buildRequest = z.object({
  id: z.number().int(),
  outDir: z.string().min(1),
  /** read by the site's build (astro.config.mjs, site/lib/config.ts) at this build, not at spawn */
  cmsUrl: z.string().min(1),
})
export type BuildRequest = z.infer<typeof buildRequest>

export const workerMessage = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ id: z.number().int(), ok: z.literal(true), rssBytes: z.number() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
])
export type WorkerMessage = z.infer<typeof workerMessage>
