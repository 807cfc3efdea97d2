import type { PayloadRequest } from 'payload'
import { IDEMPOTENCY_KEY_HEADER } from '../../contract'
import type { Locale } from '../http/locale'
import { fieldError } from '../http/responses'
import { message } from '../i18n/messages'
import type { Article, Comment } from '../payload-types'
import { hashToken } from '../security/tokens'
import { relationId } from '../utilities/relationId'
import type { NewCommentInput } from './input'

const VALID_KEY = /^[\x21-\x7e]{16,200}$/

/** The hash of the request's Idempotency-Key (only hashes are stored), or null without one. */
export function idempotencyKeyHash(headers: Headers, locale: Locale): string | null {
  const key = headers.get(IDEMPOTENCY_KEY_HEADER)
  if (key === null) return null
  if (!VALID_KEY.test(key))
    throw fieldError(400, 'idempotencyKey', message(locale, 'idempotencyKeyInvalid'))
  return hashToken(key)
}

/** The comment an earlier attempt with this key stored; read in the request's transaction. */
export async function findByIdempotencyKey(
  req: PayloadRequest,
  keyHash: string,
): Promise<Comment | undefined> {
  const { docs } = await req.payload.find({
    collection: 'comments',
    where: { idempotencyKeyHash: { equals: keyHash } },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0]
}

/**
 * Whether the stored comment is what this submission would have stored; a key sent again with
 * other content is a client's mistake, answered with 422 rather than the other comment.
 */
export function assertSameSubmission(
  comment: Comment,
  input: NewCommentInput,
  articleId: Article['id'],
  locale: Locale,
): void {
  const same =
    relationId(comment.article) === articleId &&
    comment.authorName === input.name &&
    comment.authorEmail === input.email &&
    comment.body === input.body &&
    (comment.authorUrl || null) === (input.website ?? null)
  if (!same) throw fieldError(422, 'idempotencyKey', message(locale, 'idempotencyKeyReused'))
}
