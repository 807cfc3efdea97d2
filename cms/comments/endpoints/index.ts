import { deleteComment, editComment } from './authorEdits'
import { createComment } from './createComment'
import { formToken } from './formToken'
import { listComments } from './listComments'
import { react } from './react'

export const commentEndpoints = [
  listComments,
  createComment,
  react,
  editComment,
  deleteComment,
  formToken,
]
