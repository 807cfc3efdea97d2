import type { TaskConfig } from 'payload'
import { QUEUE_OF } from '../jobs/queues'
import { enforceRetention, type RetentionReport } from './retention'

/** Retention (cms/privacy/retention.ts), every hour and once at start (resumeJobs). */
export const enforceRetentionTask: TaskConfig<{
  input: Record<string, never>
  output: { report: RetentionReport }
}> = {
  slug: 'enforceRetention',
  retries: 0,
  inputSchema: [],
  outputSchema: [{ name: 'report', type: 'json' }],
  schedule: [{ cron: '0 0 * * * *', queue: QUEUE_OF.enforceRetention }],
  handler: async ({ req }) => {
    const report = await enforceRetention(req)
    const changed = Object.entries(report).filter(([, count]) => count > 0)
    if (changed.length > 0)
      req.payload.logger.info(
        `retention: ${changed.map(([rule, count]) => `${rule} ${count}`).join(', ')}`,
      )
    return { output: { report } }
  },
}
