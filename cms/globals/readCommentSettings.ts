import type { Payload, PayloadRequest } from 'payload'
import { DEFAULT_MAX_LINKS, parseBlocklist } from '../spam/spamCheck'
import type { ModerationPolicy } from './CommentSettings'

export type CommentSettingsValue = {
  moderation: ModerationPolicy
  maxDepth: number
  digestMinutes: number
  maxLinks: number
  /** lower-cased entries, one per line of the admin's textarea */
  blocklist: string[]
}

/** Settings change rarely and every comment post reads them: kept for a second per process. */
const TTL_MS = 1000
let cached: { value: CommentSettingsValue; at: number } | undefined

/** The moderation policy, reply depth and spam rules; a change in this process applies at once, in another within a second. */
export async function readCommentSettings(
  payload: Payload,
  req?: PayloadRequest,
): Promise<CommentSettingsValue> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value
  const settings = await payload.findGlobal({ slug: 'comment-settings', overrideAccess: true, req })
  const value = {
    moderation: settings.moderation ?? 'first',
    maxDepth: settings.maxDepth ?? 5,
    digestMinutes: settings.digestMinutes ?? 15,
    maxLinks: settings.maxLinks ?? DEFAULT_MAX_LINKS,
    blocklist: parseBlocklist(settings.blocklist),
  }
  cached = { value, at: Date.now() }
  return value
}

export const forgetCommentSettings = (): void => {
  cached = undefined
}
