'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'
import { requestResend } from './requestResend'

/** "Erneut senden" in a failed email's edit view (the outbox is read-only otherwise). */
export function ResendButton() {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  if (id === undefined || (status !== 'failed' && !message)) return null
  async function resend() {
    if (id === undefined) return
    setBusy(true)
    setMessage(await requestResend({ ids: [id] }))
    setBusy(false)
  }
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <button
        type="button"
        className="btn btn--style-primary btn--size-medium"
        disabled={busy || Boolean(message)}
        onClick={() => void resend()}
      >
        Erneut senden
      </button>
      <p role="status">{message}</p>
    </div>
  )
}
