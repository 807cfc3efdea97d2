import { judgeFormToken } from './formToken'

export const SPAM_REASONS = [
  'honeypot',
  'tokenMissing',
  'tooFast',
  'tooManyLinks',
  'blockedWord',
  'blockedEmail',
  'blockedDomain',
  'duplicate',
] as const
export type SpamReason = (typeof SPAM_REASONS)[number]

export interface SpamRules {
  /** most links a comment's text may hold */
  maxLinks: number
  /** one entry a line: an email address, a domain (example.com) or a word/phrase */
  blocklist: string[]
}

export interface SpamCandidate {
  name: string
  email: string
  body: string
  website?: string | undefined
  formToken?: unknown
  homepage?: unknown
}

/** Most links a comment's text may hold, unless the comment settings say otherwise. */
export const DEFAULT_MAX_LINKS = 2

const LINK = /\bhttps?:\/\/[^\s<>()"']+|\bwww\.[^\s<>()"']+/gi
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/

/** The links (http(s)://… or www.…) in a comment's text. */
export const linksIn = (text: string): string[] =>
  (text.match(LINK) ?? []).map((link) => link.replace(/[.,;:!?]+$/, ''))

const hostOf = (link: string): string | null => {
  try {
    return new URL(/^https?:/i.test(link) ? link : `http://${link}`).hostname.toLowerCase()
  } catch {
    return null
  }
}
const inDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`)
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The blocklist's lines, trimmed and lower-cased, without empty lines and # comments. */
export const parseBlocklist = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#'))

/** Which blocklist entry the comment hits, if any. */
function blocked(candidate: SpamCandidate, blocklist: string[]): SpamReason | null {
  const email = candidate.email.toLowerCase()
  const emailDomain = email.split('@')[1] ?? ''
  const hosts = [...linksIn(candidate.body), ...(candidate.website ? [candidate.website] : [])]
    .map(hostOf)
    .filter((host): host is string => host !== null)
  const text = `${candidate.name}\n${candidate.body}`.toLowerCase()
  for (const entry of blocklist) {
    if (entry.includes('@')) {
      if (email === entry) return 'blockedEmail'
    } else if (DOMAIN.test(entry)) {
      if (inDomain(emailDomain, entry) || hosts.some((host) => inDomain(host, entry)))
        return 'blockedDomain'
    } else if (
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(entry)}(?![\\p{L}\\p{N}])`, 'u').test(text)
    ) {
      return 'blockedWord'
    }
  }
  return null
}

/**
 * Why a comment is spam, by the rules that need no database (the duplicate check does), or null.
 * No third party is asked: a honeypot, a signed form time, a link limit and the blocklist.
 */
export function spamReason(
  candidate: SpamCandidate,
  rules: SpamRules,
  now: number = Date.now(),
): SpamReason | null {
  if (typeof candidate.homepage === 'string' && candidate.homepage.trim() !== '') return 'honeypot'
  if (candidate.homepage !== undefined && typeof candidate.homepage !== 'string') return 'honeypot'
  const token = judgeFormToken(candidate.formToken, now)
  // createComment refuses an expired token before (400): one that old proves no fill time either.
  if (token === 'missing' || token === 'expired') return 'tokenMissing'
  if (token === 'tooFast') return 'tooFast'
  if (linksIn(candidate.body).length > rules.maxLinks) return 'tooManyLinks'
  return blocked(candidate, rules.blocklist)
}
