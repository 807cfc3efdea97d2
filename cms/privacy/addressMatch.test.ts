import { describe, expect, it } from 'vitest'
import { addressMatch } from './addressMatch'

describe('addressMatch', () => {
  it('matches every spelling of one mailbox and nothing else', () => {
    const anna = addressMatch('Anna.Berg+Blog@GoogleMail.com')
    expect(anna.mailbox).toBe('annaberg@gmail.com')
    for (const typed of [
      'annaberg@gmail.com',
      'ANNA.BERG@gmail.com',
      'a.n.n.a.berg+x@googlemail.com',
    ])
      expect(anna.matches(typed), typed).toBe(true)
    for (const other of ['hannaberg@gmail.com', 'annaberg@gmail.de', null, undefined])
      expect(anna.matches(other), String(other)).toBe(false)
    // Both of Gmail's domains are asked for.
    expect(JSON.stringify(anna.where('email'))).toContain('@googlemail.com')
  })
})
