import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import type { Lang } from '../../../lib/i18n'
import CommentSection from '../CommentSection'
import { API_BASE, fakeApi, seedData, SLUG, type FakeApi } from './fakeApi'

/** Shared by the island's test files: setup, rendering like the hydrated island, and lookups. */
export const COMMENTS = /\/articles\/[^/]+\/comments$/
export let api: FakeApi
export let user: UserEvent

/** A fresh fake API, storage and reader for every test of the file that calls it. */
export function setupIsland(): void {
  beforeEach(() => {
    localStorage.clear()
    window.location.hash = ''
    api = fakeApi()
    vi.stubGlobal('fetch', api.fetch)
    user = userEvent.setup()
  })
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })
}

/** Renders like the hydrated island and waits for its refetch of the live thread. */
export async function renderSection({
  lang,
  commentsOpen = true,
  formToken,
}: { lang?: Lang; commentsOpen?: boolean; formToken?: string } = {}) {
  api.data.commentsOpen = commentsOpen
  const view = render(
    <CommentSection
      slug={SLUG}
      apiBase={API_BASE}
      initial={{ ...seedData(), commentsOpen }}
      lang={lang}
      formToken={formToken}
    />,
  )
  await waitFor(() => expect(api.callsTo('GET', COMMENTS)).toHaveLength(1))
  return view
}

export const article = (id: string) => {
  const element = document.getElementById(`kommentar-${id}`)
  if (!element) throw new Error(`no comment ${id}`)
  return element
}
export const text = (element: Element | null | undefined) =>
  element?.textContent?.replace(/\s+/g, ' ').trim()

export async function fillForm(
  scope: HTMLElement,
  values: { name?: string; email?: string; body?: string } = {},
) {
  const form = within(scope)
  await user.type(form.getByLabelText(/^Name/), values.name ?? 'Maria Schulz')
  await user.type(form.getByLabelText(/^E-Mail/), values.email ?? 'maria@example.de')
  await user.type(form.getByLabelText(/^Kommentar/), values.body ?? 'Sehr hilfreicher Beitrag.')
  await user.click(form.getByRole('checkbox'))
}
export const mainForm = () => screen.getByRole('form', { name: 'Hinterlasse einen Kommentar' })
