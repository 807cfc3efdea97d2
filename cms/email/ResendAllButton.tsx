'use client'
import { useState } from 'react'
import { requestResend } from './requestResend'

/** "Alle fehlgeschlagenen erneut senden" above the outbox list and the dashboard. */
export function ResendAllButton({ failed }: { failed: number }) {
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  async function resend() {
    setBusy(true)
    setMessage(await requestResend({ all: true }))
    setBusy(false)
  }
  return (
    <div>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={() => void resend()}
      >
        Alle fehlgeschlagenen erneut senden ({failed.toLocaleString('de-DE')})
      </button>
      <p role="status">{message}</p>
    </div>
  )
}
