import type { ResendRequest } from './resendRequest'

/** The collection endpoint `resendEndpoint` (POST /api/email-deliveries/resend). */
const RESEND_PATH = '/api/email-deliveries/resend'

/** Asks the CMS to send failed emails again; answers the text the admin shows. */
export async function requestResend(which: ResendRequest): Promise<string> {
  const response = await fetch(RESEND_PATH, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(which),
  })
  if (!response.ok) return `Fehler ${response.status}`
  const { resent } = (await response.json()) as { resent: number }
  return resent === 0
    ? 'Nichts zu senden: keine fehlgeschlagene E-Mail mehr.'
    : `${resent.toLocaleString('de-DE')} E-Mail(s) werden erneut gesendet. Seite neu laden, um den Status zu sehen.`
}
