import { describe, expect, it } from 'vitest'
import { message, translator } from './messages'

describe('message catalogue', () => {
  it('answers in German by default and in English on request, with placeholders filled', () => {
    expect(message('de', 'unsubscribeQuestion', { email: 'anna@example.de' })).toBe(
      'Keine weiteren E-Mails an anna@example.de?',
    )
    expect(message('en', 'unsubscribeQuestion', { email: 'anna@example.de' })).toBe(
      'No more emails to anna@example.de?',
    )
    expect(message('de', 'bodyTooLong')).toBe(
      'Der Kommentar darf höchstens 5.000 Zeichen lang sein.',
    )
    expect(message('en', 'bodyTooLong')).toBe('The comment may be at most 5,000 characters long.')
  })

  it('translates schema message keys and leaves other texts to the caller', () => {
    expect(translator('en')('nameRequired')).toBe('Please enter your name.')
    expect(translator('de')('Invalid input')).toBeUndefined()
  })
})
