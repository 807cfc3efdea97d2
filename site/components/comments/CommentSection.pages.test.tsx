// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type { CommentsData } from '../../../contract'
import { bodiesInHtmlOnly } from '../../lib/commentPages'
import CommentSection from './CommentSection'
import { API_BASE, fakeApi, manyThreads, pageOf, seedData, SLUG } from './test/fakeApi'
import { COMMENTS, setupIsland, user } from './test/island'

setupIsland()

/** Six threads "t1" … "t6", two per page (three pages); t5 has a reply "t5r1". */
function threePages() {
  const threads = manyThreads(6)
  threads[4]!.replies = manyThreads(1).map((c) => ({ ...c, id: 't5r1', parent: 't5', depth: 2 }))
  const data: CommentsData = { ...seedData(), comments: threads }
  data.stats = { ...data.stats, threads: 6, replies: 1 }
  const api = fakeApi(data, { threadsPerPage: 2 })
  vi.stubGlobal('fetch', api.fetch)
  return api
}

/** The island as the article page hydrates it: the build's first page (oldest first). */
async function renderPaged(api: ReturnType<typeof fakeApi>, lang?: 'de' | 'en') {
  render(
    <CommentSection
      slug={SLUG}
      apiBase={API_BASE}
      lang={lang}
      initial={pageOf(api.data, { limit: 2 })}
    />,
  )
  await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(1))
}

const shownThreads = () =>
  [...document.querySelectorAll('#kommentare-liste > .comment-list > li > article')].map((a) =>
    a.id.replace('kommentar-', ''),
  )
const query = (api: ReturnType<typeof fakeApi>, n = -1) =>
  Object.fromEntries(api.callsTo('GET', COMMENTS).at(n)?.url.searchParams ?? [])
/** The URL's #fragment when the page opens (the hashchange of setting it is over before). */
async function openWithHash(hash: string) {
  window.location.hash = hash
  await new Promise((resolve) => setTimeout(resolve, 10))
}
const pager = () => screen.getByRole('navigation', { name: 'Seiten der Kommentare' })
const live = () => document.querySelector('[aria-live=polite]')?.textContent

describe('comment pages in the island', () => {
  it('loads the next page below, focuses its first thread and announces it', async () => {
    const api = threePages()
    await renderPaged(api)
    expect(query(api, 0)).toEqual({ sort: 'oldest', page: '1', limit: '2' })
    expect(shownThreads()).toEqual(['t1', 't2'])
    // Hydrated, the link to the static page 2 is a button.
    expect(within(pager()).queryByRole('link')).toBeNull()
    expect(pager().textContent).toContain('Seite 1 von 3')

    await user.click(screen.getByRole('button', { name: 'Weitere Kommentare laden' }))
    await waitFor(() => expect(shownThreads()).toEqual(['t1', 't2', 't3', 't4']))
    expect(query(api)).toEqual({ sort: 'oldest', page: '2', limit: '2' })
    expect(document.activeElement?.id).toBe('kommentar-t3')
    expect(live()).toBe('Seite 2 von 3 geladen.')
    expect(pager().textContent).toContain('Seiten 1–2 von 3')
    // Stats stay the whole article's.
    expect(document.querySelector('.comment-stats')?.textContent).toContain('6 Kommentar-Threads')

    await user.click(screen.getByRole('button', { name: 'Weitere Kommentare laden' }))
    await waitFor(() => expect(shownThreads()).toEqual(['t1', 't2', 't3', 't4', 't5', 't6']))
    expect(document.activeElement?.id).toBe('kommentar-t5')
    expect(screen.queryByRole('button', { name: 'Weitere Kommentare laden' })).toBeNull()
  })

  it('shows a thread only once when it moved to the next page meanwhile', async () => {
    const api = threePages()
    await renderPaged(api)
    // A new thread comes first (newest first, say): t2 is now the first thread of page 2.
    api.data.comments.unshift(manyThreads(1).map((c) => ({ ...c, id: 't0' }))[0]!)
    await user.click(screen.getByRole('button', { name: 'Weitere Kommentare laden' }))
    await waitFor(() => expect(shownThreads()).toEqual(['t1', 't2', 't3']))
    expect(document.activeElement?.id).toBe('kommentar-t3')
  })

  it('starts at page 1 again when the order changes', async () => {
    const api = threePages()
    await renderPaged(api)
    await user.click(screen.getByRole('button', { name: 'Weitere Kommentare laden' }))
    await waitFor(() => expect(shownThreads()).toHaveLength(4))

    await user.click(screen.getByRole('radio', { name: 'Neueste' }))
    await waitFor(() => expect(shownThreads()).toEqual(['t6', 't5']))
    expect(query(api)).toEqual({ sort: 'newest', page: '1', limit: '2' })
    expect(pager().textContent).toContain('Seite 1 von 3')
    await user.click(screen.getByRole('button', { name: 'Weitere Kommentare laden' }))
    await waitFor(() => expect(shownThreads()).toEqual(['t6', 't5', 't4', 't3']))
    expect(query(api)).toEqual({ sort: 'newest', page: '2', limit: '2' })
  })

  it('opens a link to a comment on page 3: asks for the page that holds it and focuses the comment', async () => {
    const api = threePages()
    await openWithHash('#kommentar-t5r1')
    await renderPaged(api)
    // One request: the page with the comment, in the order shown.
    expect(query(api, 0)).toEqual({ sort: 'oldest', comment: 't5r1', limit: '2' })
    await waitFor(() => expect(document.activeElement?.id).toBe('kommentar-t5r1'))
    expect(api.callsTo('GET', COMMENTS)).toHaveLength(1)
    expect(shownThreads()).toEqual(['t5', 't6'])
    expect(pager().textContent).toContain('Seite 3 von 3')

    await user.click(screen.getByRole('button', { name: 'Zurück zu den ersten Kommentaren' }))
    await waitFor(() => expect(shownThreads()).toEqual(['t1', 't2']))
    expect(query(api)).toEqual({ sort: 'oldest', page: '1', limit: '2' })
    expect(document.activeElement?.id).toBe('kommentare-liste')
  })

  it('asks for nothing extra when the linked comment is on the page shown', async () => {
    const api = threePages()
    await openWithHash('#kommentar-t2')
    await renderPaged(api)
    expect(query(api, 0)).toEqual({ sort: 'oldest', page: '1', limit: '2' })
    await waitFor(() => expect(document.activeElement?.id).toBe('kommentar-t2'))
  })

  it('takes the no-JS form’s notices (#kommentar-wartet) for what they are, not for comments', async () => {
    const api = threePages()
    await openWithHash('#kommentar-wartet')
    await renderPaged(api)
    expect(query(api, 0)).toEqual({ sort: 'oldest', page: '1', limit: '2' })
  })

  it('shows page 1 when the linked comment is unknown to the API', async () => {
    const api = threePages()
    await openWithHash('#kommentar-weg')
    await renderPaged(api)
    await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(2))
    expect(query(api, 0)).toEqual({ sort: 'oldest', comment: 'weg', limit: '2' })
    expect(query(api, 1)).toEqual({ sort: 'oldest', page: '1', limit: '2' })
    expect(shownThreads()).toEqual(['t1', 't2'])
  })

  it('follows a link to a comment on another page while reading (stats links)', async () => {
    const api = threePages()
    await renderPaged(api)
    await user.click(screen.getByRole('radio', { name: 'Neueste' }))
    await waitFor(() => expect(shownThreads()).toEqual(['t6', 't5']))
    // Setting the fragment fires hashchange, like clicking a link to it does.
    window.location.hash = '#kommentar-t1'
    await waitFor(() => expect(document.activeElement?.id).toBe('kommentar-t1'))
    expect(api.callsTo('GET', COMMENTS)).toHaveLength(3)
    expect(query(api)).toEqual({ sort: 'newest', comment: 't1', limit: '2' })
    expect(shownThreads()).toEqual(['t2', 't1'])
  })

  it('speaks English on English articles', async () => {
    const api = threePages()
    await renderPaged(api, 'en')
    const nav = screen.getByRole('navigation', { name: 'Comment pages' })
    expect(nav.textContent).toContain('Page 1 of 3')
    await user.click(within(nav).getByRole('button', { name: 'Load more comments' }))
    await waitFor(() => expect(live()).toBe('Page 2 of 3 loaded.'))
  })
})

describe('the island on the article page', () => {
  it('hydrates over the static HTML with the comment bodies read from it, not from its props', async () => {
    const api = threePages()
    // The live thread is unreachable: the island keeps what it hydrated with.
    api.answer('GET', COMMENTS, () => api.json({ errors: [] }, 500))
    const initial = pageOf(api.data, { limit: 2 })
    initial.comments[0]!.html = '<p>Statisch <strong>fett</strong> &amp; gut</p>'
    const container = document.body.appendChild(document.createElement('div'))
    container.innerHTML = renderToString(
      <CommentSection slug={SLUG} apiBase={API_BASE} initial={initial} />,
    )
    // What Astro serializes into the page: no bodies.
    const props = JSON.parse(JSON.stringify(bodiesInHtmlOnly(initial))) as CommentsData
    expect(props.comments[0]).not.toHaveProperty('html')
    const errors = vi.spyOn(console, 'error')

    render(<CommentSection slug={SLUG} apiBase={API_BASE} initial={props} />, {
      container,
      hydrate: true,
    })
    await waitFor(() => expect(screen.getByText(/nicht aktualisiert/)).toBeTruthy())
    expect(errors).not.toHaveBeenCalled()
    expect(container.querySelector('#kommentar-t1 .comment-body')?.innerHTML).toBe(
      '<p>Statisch <strong>fett</strong> &amp; gut</p>',
    )
    expect(container.querySelector('#kommentar-t2 .comment-body')?.innerHTML).toBe(
      '<p>Text von Autor 2</p>',
    )
  })
})
