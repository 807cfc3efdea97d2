/**
 * The content of the publishing bench's site, deterministic so every run (and the cached
 * database) holds the same: articles with tags, and comment rows exactly as the public comment
 * API and the Comments hooks would store them (rendered HTML, body hash, consent, edit token hash).
 */
import { currentConsent } from '../../../contract'
import { bodyHash } from '../../../cms/collections/Comments/hooks/hashBody'
import { renderCommentHtml, RENDERER_VERSION } from '../../../cms/collections/Comments/render'
import type { Article, Comment } from '../../../cms/payload-types'
import { newToken } from '../../../cms/security/tokens'
import { paragraph } from '../../lib/lexical'
import { SENTENCES } from './sentences'

export const TAG_COUNT = 20
/** Every REPLY_EVERY-th comment answers the root comment before it. */
const REPLY_EVERY = 5
const HOUR_MS = 3_600_000

export const seedSlug = (i: number): string => `beitrag-${i}`
export const seedTitle = (i: number): string => `Beitrag ${i}`
/** One to three of TAG_COUNT tags, so every tag page lists a share of the articles. */
export const seedTags = (i: number): string[] =>
  [...new Set([i % TAG_COUNT, (i * 7 + 3) % TAG_COUNT, (i * 13 + 5) % TAG_COUNT])]
    .slice(0, 1 + (i % 3))
    .map((n) => `Thema ${n}`)

const WORDS = [
  'Vertrieb',
  'Mittelstand',
  'Beratung',
  'Kunden',
  'Sichtbarkeit',
  'Strategie',
  'Team',
  'Prozesse',
  'Digitalisierung',
  'Erfahrung',
]
/** About 600 words: a typical article. */
const body = (i: number) =>
  Array.from({ length: 600 }, (_, w) => WORDS[(i + w * 3) % WORDS.length]).join(' ')

/** Article i (0-based) of `count`: article count-1 is the newest, one hour apart each. */
export function seedArticle(i: number, count: number, now: number) {
  return {
    title: seedTitle(i),
    slug: seedSlug(i),
    generateSlug: false,
    excerpt: `Kurzfassung von Beitrag ${i}.`,
    author: `Autorin ${i % 7}`,
    tags: seedTags(i),
    body: paragraph(body(i)),
    publishedAt: new Date(now - (count - i) * HOUR_MS).toISOString(),
    _status: 'published' as const,
  }
}

type CommentRow = Omit<Comment, 'article' | 'parent'> & { article: number; parent: number | null }

/**
 * The approved comments of one article, with ids from `firstId` on (the table is filled in
 * order, so a reply can name its parent's id). Written after the article, a minute apart.
 */
export function seedComments(
  article: Pick<Article, 'id' | 'publishedAt'>,
  count: number,
  firstId: number,
): CommentRow[] {
  const rows: CommentRow[] = []
  const start = Date.parse(article.publishedAt ?? new Date().toISOString())
  const consentVersion = currentConsent('comment').version
  let root = firstId
  for (let c = 0; c < count; c++) {
    const id = firstId + c
    const reply = c % REPLY_EVERY === REPLY_EVERY - 1
    if (!reply) root = id
    const text = `${SENTENCES[(id + c) % SENTENCES.length]} Kommentar ${c} zu Beitrag ${article.id}.`
    const at = new Date(start + (c + 1) * 60_000).toISOString()
    const author = (id * 31) % 500
    rows.push({
      id,
      status: 'approved',
      article: article.id,
      parent: reply ? root : null,
      depth: reply ? 2 : 1,
      authorName: `Leserin ${author}`,
      authorEmail: `leserin-${author}@seed.example`,
      authorUrl: c % 4 === 0 ? `https://example.com/leserin-${author}` : null,
      body: text,
      bodyHash: bodyHash(text),
      html: renderCommentHtml(text),
      htmlVersion: RENDERER_VERSION,
      reactionsUp: c % 3 === 0 ? c % 7 : 0,
      reactionsDown: c % 11 === 0 ? 1 : 0,
      deleted: false,
      consentAt: at,
      consentVersion,
      editorsNotified: false,
      editTokenHash: newToken().hash,
      createdAt: at,
      updatedAt: at,
    })
  }
  return rows
}
