import { VOTES, type Vote } from '../../../contract'
import { isRecord, readJson, writeJson } from './storage'

/**
 * The reader's anonymous id for reactions (header X-Reader-Token; the CMS falls back to a cookie
 * when storage is unavailable), and the reader's own votes, because the comment list does not
 * say which comments this reader rated.
 */
const READER_KEY = 'leuchtturm:reader-token'
const VOTES_KEY = 'leuchtturm:reactions'

export type Votes = Record<string, Vote>

const isVote = (value: unknown): value is Vote => VOTES.some((vote) => vote === value)

export function readerToken(): string {
  const stored = readJson(READER_KEY)
  if (typeof stored === 'string' && stored) return stored
  const created = crypto.randomUUID()
  writeJson(READER_KEY, created)
  return created
}

export function loadVotes(): Votes {
  const stored = readJson(VOTES_KEY)
  const votes: Votes = {}
  if (isRecord(stored))
    for (const [id, vote] of Object.entries(stored)) if (isVote(vote)) votes[id] = vote
  return votes
}

export function saveVote(id: string, vote: Vote | null): Votes {
  const votes = loadVotes()
  if (vote) votes[id] = vote
  else delete votes[id]
  writeJson(VOTES_KEY, votes)
  return votes
}
