// @vitest-environment happy-dom
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import CommentSection from './CommentSection'
import type { Lang } from '../../lib/i18n'
import { API_BASE, manyThreads, pageOf, seedData, SLUG } from './test/fakeApi'

/** What readers without JavaScript (and search engines) get: the section as rendered at build time. */
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim()

describe('static HTML (server render, no JavaScript)', () => {
  const html = renderToString(
    <CommentSection
      slug={SLUG}
      apiBase={API_BASE}
      initial={seedData()}
      formToken="1700000000000.signature"
    />,
  )
  const doc = new DOMParser().parseFromString(html, 'text/html')

  it('contains the approved thread, the stats and the links to the top comments', () => {
    expect(text(doc.querySelector('.comment-stats'))).toContain('2 Kommentar-Threads')
    expect(text(doc.querySelector('.comment-stats'))).toContain('1 Thread-Antworten')
    expect(text(doc.querySelector('.comment-stats'))).toContain('0 Follower')
    expect(text(doc.querySelector('.comment-stats'))).toContain('3 Kommentar-Autoren')
    // To the article page: from a comment page too, and the island finds them on any page.
    const topLinks = [...doc.querySelectorAll(`a[href="/blog/${SLUG}/#kommentar-12"]`)]
    expect(topLinks.map((a) => a.textContent)).toEqual([
      'Meistbewerteter Kommentar',
      'Heißester Kommentar-Thread',
    ])
    expect(doc.querySelector('article#kommentar-12 .comment-body')?.innerHTML).toBe(
      '<p>Ich berate mittelständische Kunden …</p>',
    )
    expect(doc.querySelector('article#kommentar-12 time')?.getAttribute('datetime')).toBe(
      '2026-11-27T10:00:00.000Z',
    )
    // The reply is nested in its parent's list item.
    expect(doc.querySelector('li:has(> #kommentar-12) ol #kommentar-13')).not.toBeNull()
  })

  it('links authors with rel="nofollow ugc noopener"', () => {
    const link = doc.querySelector('article#kommentar-12 .comment-author a')
    expect(link?.getAttribute('href')).toBe('https://example.com')
    expect(link?.getAttribute('rel')).toBe('nofollow ugc noopener')
    expect(doc.querySelector('article#kommentar-14 .comment-author a')).toBeNull()
  })

  it('has a plain HTML form that posts to the CMS and the notices for its redirect', () => {
    const form = doc.querySelector('form[aria-labelledby="kommentar-schreiben"]')
    expect(form?.getAttribute('method')).toBe('post')
    expect(form?.getAttribute('action')).toBe(`${API_BASE}/api/public/articles/${SLUG}/comments`)
    const names = [...(form?.querySelectorAll('[name]') ?? [])].map((field) =>
      field.getAttribute('name'),
    )
    expect(names).toEqual([
      'lang',
      'formToken',
      'name',
      'email',
      'website',
      'body',
      'consent',
      'notify',
      'homepage',
    ])
    // The build's form token goes along, so the post passes the minimum fill time.
    expect(form?.querySelector('input[type=hidden][name=formToken]')?.getAttribute('value')).toBe(
      '1700000000000.signature',
    )
    // The honeypot: hidden from people and assistive technology, out of the tab order, empty.
    const trap = form?.querySelector<HTMLInputElement>('input[name=homepage]')
    expect(trap?.getAttribute('tabindex')).toBe('-1')
    expect(trap?.getAttribute('autocomplete')).toBe('off')
    expect(trap?.getAttribute('value')).toBe('')
    expect(trap?.closest('[aria-hidden="true"]')?.className).toContain('comment-field--trap')
    // The article's language goes along, so the CMS answers and mails in it.
    expect(form?.querySelector('[name=lang]')?.getAttribute('value')).toBe('de')
    expect(form?.querySelector('[name=consent]')?.getAttribute('value')).toBe('on')
    // "Benachrichtige mich zu:" posts as notify=none|replies|article, none chosen.
    const notify = form?.querySelector('select[name=notify]')
    expect(doc.querySelector(`label[for="${notify?.id}"]`)?.textContent).toBe(
      'Benachrichtige mich zu:',
    )
    expect(
      [...(notify?.querySelectorAll('option') ?? [])].map((o) => [
        o.getAttribute('value'),
        o.textContent,
        o.hasAttribute('selected'),
      ]),
    ).toEqual([
      ['none', 'nichts', true],
      ['replies', 'Antworten auf meinen Kommentar', false],
      ['article', 'allen neuen Kommentaren', false],
    ])
    expect(doc.getElementById(notify?.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Sie erhalten zuerst eine E-Mail zur Bestätigung.',
    )
    expect(form?.querySelector('a[href="/datenschutz/"]')).not.toBeNull()
    expect(doc.querySelector('#kommentar-wartet[role=status]')?.textContent).toBe(
      'Danke! Ihr Kommentar wartet auf Freigabe.',
    )
    expect(doc.querySelector('#kommentar-veroeffentlicht[role=status]')?.textContent).toBe(
      'Danke! Ihr Kommentar ist veröffentlicht.',
    )
  })

  it('offers no buttons that need JavaScript', () => {
    const buttons = [...doc.querySelectorAll('button')].map((button) => button.textContent)
    expect(buttons).not.toContain('Antworten')
    expect(buttons).not.toContain('Bearbeiten')
    expect(buttons).not.toContain('Löschen')
    expect(
      [...doc.querySelectorAll('.comment-reaction')].every((button) =>
        button.hasAttribute('disabled'),
      ),
    ).toBe(true)
  })
})

describe('static HTML of a comment page (no JavaScript)', () => {
  // Five threads, two per page: three pages.
  const staticPage = (page: number, lang?: Lang) => {
    const initial = pageOf({ ...seedData(), comments: manyThreads(5) }, { page, limit: 2 })
    const html = renderToString(
      <CommentSection slug={SLUG} apiBase={API_BASE} initial={initial} lang={lang} />,
    )
    return new DOMParser().parseFromString(html, 'text/html')
  }
  const links = (doc: Document) =>
    [...doc.querySelectorAll('nav.comment-pages a')].map((a) => [
      a.getAttribute('rel'),
      a.getAttribute('href'),
      a.textContent,
    ])

  it('links the article page to the static page 2, where the island loads more once hydrated', () => {
    const doc = staticPage(1)
    const nav = doc.querySelector('nav.comment-pages')
    expect(nav?.getAttribute('aria-label')).toBe('Seiten der Kommentare')
    expect(links(doc)).toEqual([['next', `/blog/${SLUG}/kommentare/2/`, 'Neuere Kommentare']])
    expect(text(nav!)).toContain('Seite 1 von 3')
    expect(nav?.querySelector('button')).toBeNull()
    expect([...doc.querySelectorAll('article.comment')].map((a) => a.id)).toEqual([
      'kommentar-t1',
      'kommentar-t2',
    ])
  })

  it('links every comment page to the one before and after: every comment is reachable', () => {
    expect(links(staticPage(2))).toEqual([
      ['prev', `/blog/${SLUG}/#kommentare`, 'Ältere Kommentare'],
      ['next', `/blog/${SLUG}/kommentare/3/`, 'Neuere Kommentare'],
    ])
    expect(links(staticPage(3))).toEqual([
      ['prev', `/blog/${SLUG}/kommentare/2/`, 'Ältere Kommentare'],
    ])
    expect(text(staticPage(3).querySelector('nav.comment-pages'))).toContain('Seite 3 von 3')
  })

  it('speaks English on English articles, and shows no page links for a single page', () => {
    const doc = staticPage(2, 'en')
    expect(doc.querySelector('nav.comment-pages')?.getAttribute('aria-label')).toBe('Comment pages')
    expect(links(doc).map(([, , label]) => label)).toEqual(['Older comments', 'Newer comments'])
    expect(text(doc.querySelector('nav.comment-pages'))).toContain('Page 2 of 3')
    expect(
      new DOMParser()
        .parseFromString(
          renderToString(<CommentSection slug={SLUG} apiBase={API_BASE} initial={seedData()} />),
          'text/html',
        )
        .querySelector('nav.comment-pages'),
    ).toBeNull()
  })
})
