import { numberSetting } from '../config/numberSetting'
import { cmsUrl } from '../config/urls'

/** Mail settings from the environment. Without RESEND_API_KEY mail stays in the dev outbox. */
export const mailSettings = () => ({
  apiKey: process.env.RESEND_API_KEY?.trim() || undefined,
  from: process.env.MAIL_FROM ?? 'Leuchtturm <blog@localhost>',
  /** Resend allows 2 requests a second by default. */
  requestsPerSecond: numberSetting('RESEND_RATE', 2, { min: 0.001 }),
  /** First retry delay; doubles per attempt. */
  backoffMs: numberSetting('RESEND_BACKOFF_MS', 1000),
  maxAttempts: numberSetting('RESEND_MAX_ATTEMPTS', 8, { min: 1 }),
  /** Emails per calendar day (UTC); confirmations always go, notifications wait for the next day. */
  dailyLimit: numberSetting('MAIL_DAILY_LIMIT', 1000),
  editorEmail: process.env.EDITOR_EMAIL?.trim() || undefined,
  listId: `Leuchtturm <leuchtturm.${new URL(cmsUrl()).hostname}>`,
})

/** Resend accepts at most 100 emails per batch request. */
export const BATCH_SIZE = 100
