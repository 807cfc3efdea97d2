import { createContext, useContext } from 'react'
import type { PublicComment, Vote } from '../../../contract'
import type { Lang } from '../../lib/i18n'
import type { FieldError, NewComment } from './api'
import type { Votes } from './readerToken'
import type { CommentTexts } from './texts'

/** What every comment of the (recursive) tree needs from the section, without passing it down each level. */
export interface CommentContextValue {
  texts: CommentTexts
  lang: Lang
  /** the no-JS form's action */
  action: string
  /** the build's form token, a hidden field of every comment form */
  formToken: string | null
  /** false in the server's HTML and the first client render: buttons that need JS stay inert */
  hydrated: boolean
  open: boolean
  /** the reader's own comments awaiting approval, shown only to them */
  waiting: ReadonlySet<string>
  votes: Votes
  isOwn: (id: string) => boolean
  sourceOf: (comment: PublicComment) => string
  replyTo: string | null
  setReplyTo: (id: string | null) => void
  /** null on success, else the errors to show */
  submit: (input: NewComment) => Promise<FieldError[] | null>
  react: (id: string, value: Vote) => Promise<string | null>
  edit: (id: string, body: string) => Promise<FieldError[] | null>
  remove: (id: string) => Promise<string | null>
}

export const CommentContext = createContext<CommentContextValue | null>(null)

export function useCommentContext(): CommentContextValue {
  const value = useContext(CommentContext)
  if (!value) throw new Error('Comment components must be rendered inside <CommentSection>')
  return value
}
