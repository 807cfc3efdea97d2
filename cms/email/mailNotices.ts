import { nextDayStart } from './dailyBudget'

/** Sending that has failed for longer than this is shown to editors as a warning. */
export const FAILURE_WARNING_AFTER_MS = 60 * 60 * 1000

export type MailState = {
  now: Date
  sentToday: number
  limit: number
  /** Notifications waiting to be sent. */
  waiting: number
  /** The oldest failure not resolved yet (not of one refused address), if any. */
  failingSince: Date | null
  lastError: string | null
}

export type MailNotice = { tone: 'info' | 'warning'; text: string }

const berlinTime = (date: Date, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', ...options }).format(date)

const count = (n: number) => n.toLocaleString('de-DE')

/** The info the editors see once the day's budget is used up; null before. */
export function budgetNotice(state: MailState): MailNotice | null {
  if (state.sentToday < state.limit) return null
  const resume = berlinTime(nextDayStart(state.now), { hour: '2-digit', minute: '2-digit' })
  const waiting =
    state.waiting > 0
      ? ` ${count(state.waiting)} ${state.waiting === 1 ? 'Benachrichtigung wartet' : 'Benachrichtigungen warten'}.`
      : ''
  return {
    tone: 'info',
    text:
      `Tagesbudget erreicht: ${count(state.sentToday)} von ${count(state.limit)} gesendet, ` +
      `Benachrichtigungen gehen ab morgen (${resume} Uhr) raus; Bestätigungs-E-Mails gehen weiter sofort.${waiting}`,
  }
}

/** The warning once sending has failed for more than an hour; null before and after. */
export function failureNotice(state: MailState): MailNotice | null {
  if (!state.failingSince) return null
  if (state.now.getTime() - state.failingSince.getTime() <= FAILURE_WARNING_AFTER_MS) return null
  const since = berlinTime(state.failingSince, { dateStyle: 'medium', timeStyle: 'short' })
  return {
    tone: 'warning',
    text: `Der E-Mail-Versand schlägt seit ${since} Uhr fehl: ${state.lastError ?? 'unbekannter Fehler'}`,
  }
}

/** Everything the admin says about the mail, most urgent first. */
export const mailNotices = (state: MailState): MailNotice[] =>
  [failureNotice(state), budgetNotice(state)].filter((n): n is MailNotice => n !== null)
