import type { Payload, PayloadRequest } from 'payload'

/**
 * Each kind of background work has its own queue, run side by side (`autoRun` in payload.config):
 * a site rebuild never waits behind thousands of emails, and sending never waits behind a build.
 */
export const QUEUE_OF = {
  rebuildSite: 'site',
  notifyComment: 'notify',
  notifyEditors: 'notify',
  notifyNewPost: 'notify',
  sendDigest: 'notify',
  sendEmails: 'email',
  retryEmails: 'email',
  enforceRetention: 'privacy',
} as const

type Task = keyof typeof QUEUE_OF
type InputOf<T extends Task> = T extends 'notifyComment'
  ? { commentId: string }
  : T extends 'notifyNewPost'
    ? { articleId: string }
    : T extends 'sendDigest'
      ? { subscriptionId: string }
      : Record<string, never>

/** Queues a task on its own queue; with `req`, inside the request's transaction (runs after commit). */
export function queueTask<T extends Task>(
  payload: Payload,
  task: T,
  input: InputOf<T>,
  options: { req?: PayloadRequest; waitUntil?: Date } = {},
) {
  return payload.jobs.queue({ task, input, queue: QUEUE_OF[task], ...options } as Parameters<
    Payload['jobs']['queue']
  >[0])
}

/**
 * One runner per queue, every second; `default` serves Payload's own scheduled publishing. Quiet
 * about each run, never about a failing task: `silent: true` would hide its error from the log too.
 */
const quietRuns = { info: true, error: false }
export const autoRunQueues = [
  { cron: '* * * * * *', limit: 2, queue: 'site', silent: quietRuns },
  { cron: '* * * * * *', limit: 20, queue: 'notify', silent: quietRuns },
  { cron: '* * * * * *', limit: 5, queue: 'email', silent: quietRuns },
  { cron: '* * * * * *', limit: 10, queue: 'default', silent: quietRuns },
  // Retention: scheduled hourly; its runner looks once a minute.
  { cron: '0 * * * * *', limit: 1, queue: 'privacy', silent: quietRuns },
]

/**
 * Runs `queue` as soon as the current request has committed, not at its runner's next tick (up to
 * a second later). A job queued with `req` is invisible until the commit, so it looks a few times;
 * a look that finds nothing (not committed yet, or taken already) costs one query. Only in the
 * process that runs jobs (RUN_JOBS, as `shouldAutoRun` in payload.config).
 */
export function runQueueSoon(payload: Payload, queue: (typeof QUEUE_OF)[Task]) {
  if (process.env.RUN_JOBS !== 'true') return
  for (const delay of [30, 150, 500])
    setTimeout(() => {
      payload.jobs
        .run({ queue, limit: 1, silent: quietRuns })
        .catch((error: unknown) => payload.logger.error({ err: error, msg: `queue ${queue}` }))
    }, delay).unref()
}
