'use client'
import { useState } from 'react'

/** "Rebuild now" in the admin: asks the CMS to rebuild the site (or call the deploy hook) at once. */
export function RebuildButton() {
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  async function rebuild() {
    setBusy(true)
    const response = await fetch('/api/site-build/rebuild', {
      method: 'POST',
      credentials: 'include',
    })
    setBusy(false)
    setMessage(
      response.ok
        ? 'Neuaufbau geplant. Diese Seite neu laden, um den Status zu sehen.'
        : `Fehler ${response.status}`,
    )
  }
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <button
        type="button"
        className="btn btn--style-primary btn--size-medium"
        disabled={busy}
        onClick={() => void rebuild()}
      >
        Jetzt neu aufbauen
      </button>
      <p role="status">{message}</p>
    </div>
  )
}
