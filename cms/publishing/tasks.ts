import type { TaskConfig } from 'payload'
import { buildSite, callDeployHook } from './builder/buildSite'
import { publishingSettings } from './settings'

/** Builds the site here (atomic switch) or calls the static host's deploy hook; records the outcome for the admin. */
export const rebuildSite: TaskConfig<{ input: Record<string, never>; output: { ok: boolean } }> = {
  slug: 'rebuildSite',
  retries: 0,
  inputSchema: [],
  outputSchema: [{ name: 'ok', type: 'checkbox' }],
  handler: async ({ req }) => {
    const { payload } = req
    const settings = publishingSettings()
    const started = Date.now()
    const record = (data: Record<string, unknown>) =>
      payload.updateGlobal({ slug: 'site-build', data, overrideAccess: true })
    await record({ state: 'building', lastStartedAt: new Date(started).toISOString() })
    try {
      if (settings.deployHook) await callDeployHook(settings.deployHook)
      else await buildSite(settings.siteDir, settings.keepBuilds)
      const now = new Date().toISOString()
      await record({
        state: 'succeeded',
        lastFinishedAt: now,
        lastSuccessAt: now,
        lastDurationMs: Date.now() - started,
        lastError: null,
      })
      return { output: { ok: true } }
    } catch (error) {
      payload.logger.error(`Site build failed: ${(error as Error).message}`)
      await record({
        state: 'failed',
        lastFinishedAt: new Date().toISOString(),
        lastDurationMs: Date.now() - started,
        lastError: (error as Error).message,
      })
      return { output: { ok: false } }
    }
  },
}
