import { describe, expect, it } from 'vitest'
import { requestLocale } from './locale'

const acceptLanguage = (value?: string) =>
  new Headers(value === undefined ? {} : { 'accept-language': value })

describe('requestLocale', () => {
  it('answers in English when the browser prefers English in any region', () => {
    expect(requestLocale(acceptLanguage('en-GB,de;q=0.8'))).toBe('en')
    expect(requestLocale(acceptLanguage('en'))).toBe('en')
    expect(requestLocale(acceptLanguage('EN-us, de'))).toBe('en')
  })

  it('answers in German for German, for languages the site does not speak, and without a header', () => {
    expect(requestLocale(acceptLanguage('de-DE,en;q=0.5'))).toBe('de')
    expect(requestLocale(acceptLanguage('fr'))).toBe('de')
    expect(requestLocale(acceptLanguage('*'))).toBe('de')
    expect(requestLocale(acceptLanguage(''))).toBe('de')
    expect(requestLocale(acceptLanguage())).toBe('de')
  })

  it('lets the explicit language of the article win over the browser', () => {
    expect(requestLocale(acceptLanguage('de-DE'), 'en')).toBe('en')
    expect(requestLocale(acceptLanguage('en-GB'), 'de')).toBe('de')
    expect(requestLocale(acceptLanguage(), 'en')).toBe('en')
  })

  it('ignores an explicit language the site does not speak and falls back to the browser', () => {
    for (const explicit of ['fr', 'EN', 'en-GB', '', 1, null, ['en']]) {
      expect(requestLocale(acceptLanguage('en-GB'), explicit), JSON.stringify(explicit)).toBe('en')
      expect(requestLocale(acceptLanguage('fr'), explicit), JSON.stringify(explicit)).toBe('de')
    }
  })
})
