import type { Where } from 'payload'
import { normalizeEmail } from '../utilities/normalizeEmail'

/** Domains one mailbox may be written with (normalizeEmail folds googlemail.com into gmail.com). */
const DOMAIN_ALIASES: Record<string, string[]> = { 'gmail.com': ['gmail.com', 'googlemail.com'] }

/**
 * Finds the rows of one mailbox in a field that stores addresses as typed: the database narrows
 * to the mailbox's domain(s), `matches` then compares the normalised address (plus tags, case and
 * Gmail's dots), so `Anna+blog@x.de` is found for `anna@x.de` and nothing of `hanna@x.de` is.
 */
export function addressMatch(email: string): {
  mailbox: string
  where: (field: string) => Where
  matches: (address: unknown) => boolean
} {
  const mailbox = normalizeEmail(email)
  const domain = mailbox.slice(mailbox.lastIndexOf('@') + 1)
  const domains = DOMAIN_ALIASES[domain] ?? [domain]
  return {
    mailbox,
    where: (field) => ({ or: domains.map((d) => ({ [field]: { contains: `@${d}` } })) }),
    matches: (address) => typeof address === 'string' && normalizeEmail(address) === mailbox,
  }
}
