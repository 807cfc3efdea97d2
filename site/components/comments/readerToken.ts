import { VOTES, type Vote } from '../../../contract'
import { isRecord, readJson, writeJson } from './storage'

/**
 * The reader's anonymous id for reactions (header X-Reader-Token; the island sends no cookies),
 * and the reader's own votes, because the comment list does not say which comments this reader
 * rated. Without storage the id lives as long as the page.
 */
const READER_KEY = 'leuchtturm:reader-token'
const VOTES_KEY = 'leuchtturm:reactions'

export type Votes = Record<string, Vote>

const isVote = (value: unknown): value is Vote => VOTES.some((vote) => vote === value)

let pageToken: string | undefined

export function readerToken(): string {
  const stored = readJson(READER_KEY)
  if (typeof stored === 'string' && stored) return stored
  pageToken ??= crypto.randomUUID()
  writeJson(READER_KEY, pageToken)
  return pageToken
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
