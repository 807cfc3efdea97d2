import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'
import { inTransaction } from '../http/transaction'
import { message } from '../i18n/messages'
import { findPersonalData } from './personalData'

export type ErasureCounts = {
  /** comments kept in their thread, with name, address, website and edit token removed */
  commentsAnonymised: number
  subscriptions: number
  digestItems: number
  reactions: number
  /** outbox rows to the address and rows that quote its comments to others */
  emails: number
  rateLimits: number
}

/**
 * Erases what the database holds about an address (Art. 17 DSGVO), in one transaction: its
 * comments stay in their threads as "Gelöscht" (text kept, nothing that names or reaches the
 * author), everything else about it is deleted (see personalData for what that is). None of these
 * collections keeps versions, so no copy remains. A second run finds nothing and reports zeros.
 */
export async function erasePersonalData(
  payload: Payload,
  email: string,
  request?: PayloadRequest,
): Promise<ErasureCounts> {
  const req = request ?? (await createLocalReq({}, payload))
  return inTransaction(req, async () => {
    const data = await findPersonalData(payload, email, req)
    const commentIds = data.comments.map((c) => c.id)
    const inIds = (ids: (string | number)[]): Where => ({ id: { in: ids } })
    const some = <T>(rows: T[], work: () => Promise<unknown>) =>
      rows.length > 0 ? work() : Promise.resolve()

    await some(data.reactions, () =>
      payload.db.deleteMany({
        collection: 'comment-reactions',
        where: inIds(data.reactions.map((r) => r.id)),
        req,
      }),
    )
    // Through the Local API, so the thread's stamp moves and the public list drops the name.
    await some(data.comments, async () =>
      failed(
        await payload.update({
          collection: 'comments',
          where: inIds(commentIds),
          data: {
            authorName: message('de', 'erasedAuthorName'),
            authorEmail: null,
            authorUrl: null,
            reactionsUp: 0,
            reactionsDown: 0,
          },
          depth: 0,
          overrideAccess: true,
          req,
        }),
      ),
    )
    // Unreadable and not updatable through the API by design: cleared past its field access.
    await some(data.comments, () =>
      payload.db.updateMany({
        collection: 'comments',
        where: inIds(commentIds),
        data: { editTokenHash: null },
        req,
      }),
    )
    await some(data.digestItems, () =>
      payload.db.deleteMany({
        collection: 'digest-items',
        where: inIds(data.digestItems.map((d) => d.id)),
        req,
      }),
    )
    await some(data.subscriptions, async () =>
      failed(
        await payload.delete({
          collection: 'subscriptions',
          where: inIds(data.subscriptions.map((s) => s.id)),
          depth: 0,
          overrideAccess: true,
          req,
        }),
      ),
    )
    const emails = [...data.emails, ...data.emailsAboutComments]
    await some(emails, () =>
      payload.db.deleteMany({
        collection: 'email-deliveries',
        where: inIds(emails.map((e) => e.id)),
        req,
      }),
    )
    await some(data.rateLimits, () =>
      payload.db.deleteMany({
        collection: 'rate-limits',
        where: inIds(data.rateLimits.map((r) => r.id)),
        req,
      }),
    )
    return {
      commentsAnonymised: data.comments.length,
      subscriptions: data.subscriptions.length,
      digestItems: data.digestItems.length,
      reactions: data.reactions.length,
      emails: emails.length,
      rateLimits: data.rateLimits.length,
    }
  })
}

/** A bulk operation reports failures per document instead of throwing: the erase must not go on. */
function failed(result: { errors: { message: string }[] }): void {
  if (result.errors.length > 0)
    throw new Error(`erase failed: ${result.errors.map((e) => e.message).join('; ')}`)
}
