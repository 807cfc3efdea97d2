import { describe, expect, it } from 'vitest'
import { budgetNotice, failureNotice, mailNotices, type MailState } from './mailNotices'

const state = (over: Partial<MailState> = {}): MailState => ({
  now: new Date('2026-12-02T14:30:00.000Z'),
  sentToday: 10,
  limit: 1000,
  waiting: 0,
  failingSince: null,
  lastError: null,
  ...over,
})

describe('budgetNotice', () => {
  it('says nothing while the budget lasts', () => {
    expect(budgetNotice(state({ sentToday: 999 }))).toBeNull()
  })

  it('says why notifications wait once the budget is used up, and from when they go (Berlin time)', () => {
    expect(budgetNotice(state({ sentToday: 1000, waiting: 250 }))).toEqual({
      tone: 'info',
      text:
        'Tagesbudget erreicht: 1.000 von 1.000 gesendet, Benachrichtigungen gehen ab morgen ' +
        '(01:00 Uhr) raus; Bestätigungs-E-Mails gehen weiter sofort. 250 Benachrichtigungen warten.',
    })
  })

  it('counts confirmations sent over the budget too', () => {
    expect(budgetNotice(state({ sentToday: 1003, waiting: 1 }))?.text).toMatch(
      /^Tagesbudget erreicht: 1\.003 von 1\.000 gesendet.*1 Benachrichtigung wartet\.$/,
    )
  })

  it('names 02:00 in summer (CEST)', () => {
    const summer = state({ now: new Date('2026-07-01T10:00:00.000Z'), sentToday: 5, limit: 5 })
    expect(budgetNotice(summer)?.text).toContain('(02:00 Uhr)')
  })
})

describe('failureNotice', () => {
  it('says nothing without an unresolved failure', () => {
    expect(failureNotice(state())).toBeNull()
  })

  it('says nothing during the first hour of failing', () => {
    const since = new Date('2026-12-02T13:30:00.000Z') // exactly one hour
    expect(failureNotice(state({ failingSince: since, lastError: '401: bad key' }))).toBeNull()
  })

  it('warns with the time (Berlin) and the last error once sending has failed for over an hour', () => {
    const since = new Date('2026-12-02T13:29:00.000Z')
    expect(
      failureNotice(state({ failingSince: since, lastError: '401: API key is invalid' })),
    ).toEqual({
      tone: 'warning',
      text: 'Der E-Mail-Versand schlägt seit 02.12.2026, 14:29 Uhr fehl: 401: API key is invalid',
    })
  })
})

describe('mailNotices', () => {
  it('puts the failure warning before the budget info', () => {
    const notices = mailNotices(
      state({
        sentToday: 1000,
        failingSince: new Date('2026-12-01T08:00:00.000Z'),
        lastError: '500: down',
      }),
    )
    expect(notices.map((n) => n.tone)).toEqual(['warning', 'info'])
  })

  it('is empty when all is well', () => {
    expect(mailNotices(state())).toEqual([])
  })
})
