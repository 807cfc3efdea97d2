import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '../utilities/relationId'
import { findPersonalData } from './personalData'

/** Hashes of secrets (edit, confirmation and retry tokens): they say nothing and must not travel. */
const SECRET_FIELDS = ['editTokenHash', 'confirmTokenHash', 'idempotencyKeyHash'] as const

const withoutSecrets = <T extends object>(doc: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(doc).filter(([key]) => !(SECRET_FIELDS as readonly string[]).includes(key)),
  ) as Partial<T>

export type PersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>

/**
 * What the database holds about an address, as one JSON document (Art. 15 DSGVO). Other people's
 * data stays out: reactions on its comments carry no reader or client hash, and emails to others
 * that quote its comments show only what they are, not to whom they went.
 */
export async function exportPersonalData(payload: Payload, email: string, req?: PayloadRequest) {
  const data = await findPersonalData(payload, email, req)
  return {
    address: email.trim(),
    mailbox: data.mailbox,
    exportedAt: new Date().toISOString(),
    comments: data.comments.map(withoutSecrets),
    subscriptions: data.subscriptions.map(withoutSecrets),
    digestItems: data.digestItems.map(({ id, subscription, comment, kind, createdAt }) => ({
      id,
      subscription: relationId(subscription),
      comment: relationId(comment),
      kind,
      createdAt,
    })),
    reactionsOnComments: data.reactions.map(({ id, comment, value, createdAt }) => ({
      id,
      comment: relationId(comment),
      value,
      createdAt,
    })),
    emails: data.emails,
    emailsQuotingComments: data.emailsAboutComments.map(
      ({ id, kind, eventKey, status, createdAt, sentAt }) => ({
        id,
        kind,
        eventKey,
        status,
        createdAt,
        sentAt,
      }),
    ),
    rateLimits: data.rateLimits.map(({ key, points, expiresAt }) => ({ key, points, expiresAt })),
  }
}
