'use client'
import { useTranslation } from '@payloadcms/ui'
import { useState } from 'react'
import { message, type MessageKey } from '../i18n/messages'

type Action = 'export' | 'erase'

/**
 * "Datenschutz" on the dashboard: an address, "Auskunft" and "Löschen"; the endpoints' JSON answer
 * (the export, or the counts of what was erased) is shown below as it came.
 */
export function PrivacyTools() {
  const { i18n } = useTranslation()
  const t = (key: MessageKey, params?: Record<string, string>) =>
    message(i18n.language === 'en' ? 'en' : 'de', key, params)
  const [email, setEmail] = useState('')
  const [result, setResult] = useState('')
  const [busy, setBusy] = useState(false)

  async function run(action: Action) {
    if (action === 'erase' && !window.confirm(t('privacyEraseConfirm', { email }))) return
    setBusy(true)
    try {
      const response = await fetch(`/api/privacy/${action}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'accept-language': i18n.language },
        body: JSON.stringify({ email }),
      })
      const text = await response.text()
      setResult(`${response.status} ${JSON.stringify(JSON.parse(text), null, 2)}`)
    } catch (error) {
      setResult(String(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section style={{ marginTop: '2rem' }} aria-labelledby="privacy-tools-title">
      <h2 id="privacy-tools-title">{t('privacyTitle')}</h2>
      <p>{t('privacyHelp')}</p>
      <form
        style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}
        onSubmit={(event) => {
          event.preventDefault()
          void run('export')
        }}
      >
        <label htmlFor="privacy-email">{t('privacyEmail')}</label>
        <input
          id="privacy-email"
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          style={{ minWidth: '20rem' }}
        />
        <button type="submit" className="btn btn--style-primary btn--size-small" disabled={busy}>
          {t('privacyExport')}
        </button>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={busy || !email}
          onClick={() => void run('erase')}
        >
          {t('privacyErase')}
        </button>
      </form>
      {result && (
        <pre role="status" style={{ maxHeight: '30rem', overflow: 'auto', whiteSpace: 'pre-wrap' }}>
          {result}
        </pre>
      )}
    </section>
  )
}
