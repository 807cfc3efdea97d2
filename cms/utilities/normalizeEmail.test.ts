import { describe, expect, it } from 'vitest'
import { normalizeEmail, subscriptionTargetKey } from './normalizeEmail'

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => {
    expect(normalizeEmail('  Anna.Berger@Example.DE ')).toBe('anna.berger@example.de')
  })

  it('drops plus tags everywhere', () => {
    expect(normalizeEmail('anna+1@x.de')).toBe('anna@x.de')
    expect(normalizeEmail('anna+news+more@x.de')).toBe('anna@x.de')
  })

  it('keeps a local part that starts with a plus, and dots outside Gmail', () => {
    expect(normalizeEmail('+anna@x.de')).toBe('+anna@x.de')
    expect(normalizeEmail('a.nna@x.de')).toBe('a.nna@x.de')
  })

  it('drops dots in Gmail local parts and treats googlemail.com as gmail.com', () => {
    for (const variant of [
      'anna@gmail.com',
      'ANNA@gmail.com',
      'a.nna@gmail.com',
      'anna+1@gmail.com',
      'A.n.n.a+x@GoogleMail.com',
    ])
      expect(normalizeEmail(variant)).toBe('anna@gmail.com')
  })

  it('leaves something that is no address as it is (lower-cased)', () => {
    expect(normalizeEmail('Kein-At')).toBe('kein-at')
  })
})

describe('subscriptionTargetKey', () => {
  it('names the normalised address, the scope and the article, "posts" for none', () => {
    expect(subscriptionTargetKey('A.nna+1@gmail.com', 'article', 7)).toBe(
      'anna@gmail.com|article|7',
    )
    expect(subscriptionTargetKey('anna@x.de', 'posts', null)).toBe('anna@x.de|posts|posts')
    expect(subscriptionTargetKey('anna@x.de', 'posts', 7)).toBe('anna@x.de|posts|posts')
    expect(subscriptionTargetKey('anna@x.de', 'replies', 'abc')).toBe('anna@x.de|replies|abc')
  })
})
