/** The public comment API (README, "Public comment API"): what it takes and what it answers. */

/** Longest name and comment text the API accepts; the forms say the same. */
export const COMMENT_LIMITS = { name: 80, body: 5000, website: 300 } as const

/** Authors may edit or delete their comment this long after writing it. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000

export const COMMENT_SORTS = ['newest', 'oldest', 'top'] as const
export type CommentSort = (typeof COMMENT_SORTS)[number]
export const DEFAULT_SORT: CommentSort = 'oldest'

/** "Benachrichtige mich zu": nothing, replies to the author's own comment, or every new comment. */
export const NOTIFY_CHOICES = ['none', 'replies', 'article'] as const
export type Notify = (typeof NOTIFY_CHOICES)[number]

export const VOTES = ['up', 'down'] as const
export type Vote = (typeof VOTES)[number]

export interface CommentAuthor {
  name: string
  url: string | null
}

/** What the public sees of a comment: never the email, never the status of others. */
export interface PublicComment {
  id: string
  parent: string | null
  depth: number
  /** null for deleted comments */
  author: CommentAuthor | null
  /** rendered and sanitized by the CMS: the only HTML the site shows unescaped */
  html: string
  createdAt: string
  editedAt: string | null
  deleted: boolean
  reactions: { up: number; down: number }
  replies: PublicComment[]
}

export interface CommentStats {
  threads: number
  replies: number
  authors: number
  followers: number
  mostReacted: string | null
  hottestThread: string | null
}

/** Threads (a root comment with all its replies) per page of GET …/comments, unless `limit` says otherwise. */
export const THREADS_PER_PAGE = 50
export const MAX_THREADS_PER_PAGE = 100

/**
 * Threads per page of comments on the site (its static pages, in DEFAULT_SORT, and the island,
 * which sends it as `limit`, so page n is the same everywhere); the CMS links an email to the
 * page that holds a comment by it. Less than THREADS_PER_PAGE: the article page must stay under
 * 30 KB gzipped with 500 comments on 50 threads (site/components/comments/CommentSection.budget.test.tsx),
 * and every reader who scrolls to the comments refetches page 1.
 */
export const COMMENT_THREADS_PER_PAGE = 10

/** Query of GET …/comments: `comment` asks for the page that holds this comment (a deep link). */
export interface CommentsQuery {
  sort?: CommentSort
  page?: number
  limit?: number
  comment?: string
}

/** Where a page sits among all threads of the article (1-based). */
export interface CommentsPagination {
  page: number
  limit: number
  totalThreads: number
  totalPages: number
}

/** GET …/comments: one page of threads; `stats` always count the whole article. */
export interface CommentsData {
  stats: CommentStats
  comments: PublicComment[]
  commentsOpen: boolean
  pagination: CommentsPagination
}

/** The author's own comment (POST and PATCH answers): its status and raw text, for editing. */
export type OwnComment = PublicComment & { status: 'pending' | 'approved'; body: string }

/** POST …/comments (JSON); the form also takes `lang` and answers with a redirect. */
export interface NewCommentBody {
  name: string
  email: string
  body: string
  consent: true
  website?: string
  parent?: string
  notify?: Notify
  lang?: string
  /**
   * The signed time the form was shown (FORM_TOKEN_HEADER of GET …/comments, GET …/form-token, or
   * the static form's hidden field). Missing, forged or younger than MIN_FILL_MS: held as spam;
   * older than FORM_TOKEN_MAX_AGE_MS: refused with 400.
   */
  formToken?: string
  /** The honeypot: hidden from people, so it stays empty; anything in it marks the comment spam. */
  homepage?: string
}

/** Response header of GET …/comments with a fresh form token (not in the body: that is cached). */
export const FORM_TOKEN_HEADER = 'X-Form-Token'

/**
 * Request header of a JSON POST …/comments: a random id (a UUID) per submission, sent again
 * unchanged when the same submission is retried. A retry answers like the first success (201,
 * the stored comment, a fresh edit token) and never stores a second comment; the same key with
 * other content is refused with 422 on the field `idempotencyKey`. 16 to 200 visible ASCII characters.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'

/** A comment posted sooner than this after its form token was made counts as spam. */
export const MIN_FILL_MS = 3000

/**
 * A form token older than this is refused (400 on `formToken`; the no-JS form comes back with a
 * fresh one), so a token copied from a page does not serve a bot forever. Static pages carry the
 * token of their build: a week covers a page between builds, and the island uses a fresh one.
 */
export const FORM_TOKEN_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

/** 200 to GET /api/public/form-token. */
export interface FormTokenResult {
  formToken: string
}

/** 201 to a JSON POST. */
export interface CreatedComment {
  comment: OwnComment
  editToken: string
}

/** 200 to PATCH …/comments/:id. */
export interface EditedComment {
  comment: OwnComment
}

/** 200 to POST …/comments/:id/reactions. */
export interface ReactionResult {
  up: number
  down: number
  mine: Vote | null
}
