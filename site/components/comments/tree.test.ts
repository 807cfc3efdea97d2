import { describe, expect, it } from 'vitest'
import { comment } from './test/fakeApi'
import { deleteComment, findComment, insertComment, updateComment } from './tree'

const tree = () => [
  comment('1', 'A', { replies: [comment('2', 'B', { parent: '1', depth: 2 })] }),
  comment('3', 'C'),
]
const ids = (list: ReturnType<typeof tree>): string[] =>
  list.flatMap((c) => [c.id, ...ids(c.replies)])

describe('comment tree', () => {
  it('inserts threads by sort order and replies under their parent', () => {
    expect(ids(insertComment(tree(), comment('9', 'N'), 'oldest'))).toEqual(['1', '2', '3', '9'])
    expect(ids(insertComment(tree(), comment('9', 'N'), 'newest'))).toEqual(['9', '1', '2', '3'])
    const withReply = insertComment(tree(), comment('9', 'N', { parent: '2', depth: 3 }), 'oldest')
    expect(findComment(withReply, '2')?.replies.map((c) => c.id)).toEqual(['9'])
    expect(ids(insertComment(tree(), comment('2', 'B'), 'oldest'))).toEqual(['1', '2', '3'])
  })

  it('updates one comment anywhere without touching the input', () => {
    const before = tree()
    const after = updateComment(before, '2', (c) => ({ ...c, html: '<p>neu</p>' }))
    expect(findComment(after, '2')?.html).toBe('<p>neu</p>')
    expect(findComment(before, '2')?.html).not.toBe('<p>neu</p>')
  })

  it('removes a comment without replies and keeps one with replies as deleted', () => {
    expect(ids(deleteComment(tree(), '3'))).toEqual(['1', '2'])
    const kept = deleteComment(tree(), '1')
    expect(findComment(kept, '1')).toMatchObject({ deleted: true, author: null, html: '' })
    expect(ids(kept)).toEqual(['1', '2', '3'])
  })
})
