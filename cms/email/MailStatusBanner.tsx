import { Banner } from '@payloadcms/ui'
import type { ServerComponentProps } from 'payload'
import { mailNotices } from './mailNotices'
import { readMailState } from './readMailState'
import { ResendAllButton } from './ResendAllButton'

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
        <div key={notice.text} role={notice.tone === 'warning' ? 'alert' : 'status'}>
          <Banner type={notice.tone}>{notice.text}</Banner>
        </div>
      ))}
      {state.failed > 0 && <ResendAllButton failed={state.failed} />}
    </div>
  )
}
