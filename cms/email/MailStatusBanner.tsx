import type { ServerComponentProps } from 'payload'
import { mailNotices } from './mailNotices'
import { readMailState } from './readMailState'
import { ResendAllButton } from './ResendAllButton'

const tones = {
  info: { background: 'var(--theme-elevation-50)', border: 'var(--theme-elevation-400)' },
  warning: { background: 'var(--theme-warning-50)', border: 'var(--theme-warning-500)' },
} as const

/**
 * Above the dashboard and the outbox list: why mail waits (daily budget) or fails (for more than
 * an hour), and "Alle fehlgeschlagenen erneut senden". What to say is decided in mailNotices.ts.
 */
export async function MailStatusBanner({ payload }: ServerComponentProps) {
  const state = await readMailState(payload)
  const notices = mailNotices(state)
  if (notices.length === 0 && state.failed === 0) return null
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      {notices.map((notice) => (
        <p
          key={notice.text}
          role={notice.tone === 'warning' ? 'alert' : 'status'}
          style={{
            padding: '0.75rem 1rem',
            borderLeft: `4px solid ${tones[notice.tone].border}`,
            background: tones[notice.tone].background,
          }}
        >
          {notice.text}
        </p>
      ))}
      {state.failed > 0 && <ResendAllButton failed={state.failed} />}
    </div>
  )
}
