/**
 * What logs and stored errors may show of personal data and secrets (DSGVO): an address as
 * `r…@example.de` (enough to tell a domain's problem apart, not enough to write to anyone), and a
 * link's `token` value never.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@')
  if (at < 1) return '…'
  return `${address[0]}…${address.slice(at)}`
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
// Confirmation and unsubscribe links carry their secret as `?token=…`.
const TOKEN = /([?&]token=)[^&\s"'<>]+/gi

/** Every address in a text masked (`maskEmail`), every `token=` value of a link replaced by `…`. */
export function redact(text: string): string {
  return text.replace(EMAIL, maskEmail).replace(TOKEN, '$1…')
}
