import { EDIT_WINDOW_MS } from '../../../contract'
import { isRecord, readJson, writeJson } from './storage'

/**
 * Edit tokens of the reader's own comments, { [commentId]: { token, createdAt } } in localStorage.
 * The CMS accepts a token for EDIT_WINDOW_MS after posting; older ones are useless and dropped.
 */
export const EDIT_TOKENS_KEY = 'leuchtturm:comment-edit-tokens'

export interface EditToken {
  token: string
  /** epoch milliseconds when the comment was posted */
  createdAt: number
}
export type EditTokens = Record<string, EditToken>

const isEditToken = (value: unknown): value is EditToken =>
  isRecord(value) && typeof value.token === 'string' && typeof value.createdAt === 'number'

/** The still valid tokens; expired and malformed entries are left out (and pruned from storage). */
export function loadEditTokens(now: number = Date.now()): EditTokens {
  const stored = readJson(EDIT_TOKENS_KEY)
  const valid: EditTokens = {}
  if (!isRecord(stored)) return valid
  for (const [id, entry] of Object.entries(stored))
    if (isEditToken(entry) && isFresh(entry, now)) valid[id] = entry
  if (Object.keys(valid).length !== Object.keys(stored).length) writeJson(EDIT_TOKENS_KEY, valid)
  return valid
}

export function saveEditToken(id: string, token: string, now: number = Date.now()): EditTokens {
  const tokens = { ...loadEditTokens(now), [id]: { token, createdAt: now } }
  writeJson(EDIT_TOKENS_KEY, tokens)
  return tokens
}

export function removeEditToken(id: string, now: number = Date.now()): EditTokens {
  const tokens = loadEditTokens(now)
  delete tokens[id]
  writeJson(EDIT_TOKENS_KEY, tokens)
  return tokens
}

export const isFresh = (entry: EditToken, now: number = Date.now()): boolean =>
  now - entry.createdAt < EDIT_WINDOW_MS

/** Milliseconds until the next token expires (to hide its buttons right then), or null when none is left. */
export function nextExpiry(tokens: EditTokens, now: number = Date.now()): number | null {
  const left = Object.values(tokens).map((entry) => entry.createdAt + EDIT_WINDOW_MS - now)
  return left.length ? Math.max(0, Math.min(...left)) : null
}
