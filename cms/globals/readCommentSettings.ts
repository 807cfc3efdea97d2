import type { Payload, PayloadRequest } from 'payload'
import type { ModerationPolicy } from './CommentSettings'

export type CommentSettingsValue = {
  moderation: ModerationPolicy
  maxDepth: number
  digestMinutes: number
}

/** Settings change rarely and every comment post reads them: kept for a second per process. */
const TTL_MS = 1000
let cached: { value: CommentSettingsValue; at: number } | undefined

/** The moderation policy and reply depth; a change in this process applies at once, in another within a second. */
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
  }
  cached = { value, at: Date.now() }
  return value
}

export const forgetCommentSettings = (): void => {
  cached = undefined
}
