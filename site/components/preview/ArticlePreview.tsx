import { useEffect, useState } from 'react'
import { renderRichText } from '../../lib/richtext'

type Draft = { title: string; excerpt?: string | null; author?: string | null; body: unknown }
type State =
  { kind: 'loading' } | { kind: 'denied' } | { kind: 'missing' } | { kind: 'draft'; draft: Draft }

/**
 * The editor's draft preview: reads the latest draft from the CMS with the editor's admin login
 * (cookie) and renders it with the same rich-text renderer and styles as the article pages.
 * Readers without a login get nothing: the CMS only gives drafts to editors.
 */
export default function ArticlePreview({ apiBase }: { apiBase: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get('id') ?? ''
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return setState({ kind: 'missing' })
    fetch(`${apiBase}/api/articles/${id}?draft=true&depth=1`, {
      credentials: 'include',
      headers: { accept: 'application/json' },
    })
      .then(async (response) => {
        if (response.status === 401 || response.status === 403) return setState({ kind: 'denied' })
        if (!response.ok) return setState({ kind: 'missing' })
        setState({ kind: 'draft', draft: (await response.json()) as Draft })
      })
      .catch(() => setState({ kind: 'missing' }))
  }, [apiBase])

  if (state.kind === 'loading') return <p role="status">Vorschau wird geladen …</p>
  if (state.kind === 'denied' || state.kind === 'missing')
    return (
      <p role="alert">
        {state.kind === 'denied'
          ? 'Die Vorschau ist nur für angemeldete Redakteure.'
          : 'Diesen Entwurf gibt es nicht – oder Sie sind nicht angemeldet.'}{' '}
        <a href={`${apiBase}/admin`}>Zum Admin</a>
      </p>
    )
  const { draft } = state
  return (
    <article>
      <p className="preview-badge">Vorschau – nicht veröffentlicht</p>
      <header>
        <h1>{draft.title}</h1>
        {draft.author && <p className="meta">von {draft.author}</p>}
      </header>
      {/* The same renderer as the article pages; the HTML comes from the editor's own draft. */}
      <div
        className="prose"
        dangerouslySetInnerHTML={{ __html: renderRichText(draft.body, apiBase) }}
      />
    </article>
  )
}
