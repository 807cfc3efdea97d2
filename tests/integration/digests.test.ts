import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiPaths, commentAnchor, type CreatedComment } from '../../contract'
import { agedFormToken } from '../helpers/formToken'
import { eventually } from '../../scripts/lib/eventually'
import type { FakeResend } from '../../scripts/lib/fakeResend'
import type { LocalCms } from '../../scripts/lib/localCms'
import { startMailStack, type MailStack } from '../helpers/mailStack'
import { FANOUT_SLUG, postComment, seedSubscribers } from '../../scripts/lib/seedSubscribers'

/** A lively discussion: followers get the first comment at once and the rest in one digest. */
const FOLLOWERS = 5
const COMMENTS = 12
let cms: LocalCms
let resend: FakeResend
let stack: MailStack
let followers: string[]

beforeAll(async () => {
  stack = await startMailStack({ EDITOR_EMAIL: 'redaktion@example.de' })
  ;({ cms, resend } = stack)
  followers = await seedSubscribers(cms.payload, FOLLOWERS)
  // A short window (6 s) stands in for the default 15 minutes.
  await cms.payload.updateGlobal({ slug: 'comment-settings', data: { digestMinutes: 0.1 } })
}, 120_000)
afterAll(() => stack?.stop())

describe('digests', () => {
  it('send the first comment at once and everything else in the window as one email per follower', async () => {
    const ids: string[] = []
    for (let i = 0; i < COMMENTS; i++) ids.push(await postComment(cms.url, `autor${i}@example.de`))
    const to = (address: string) => resend.to(address)

    // The first comment leaves at once, alone.
    await eventually(
      () => followers.forEach((f) => expect(to(f).length).toBeGreaterThanOrEqual(1)),
      10_000,
    )
    for (const f of followers) expect(to(f)[0]!.text).toContain(`#${commentAnchor(ids[0]!)}`)

    // When the window ends: exactly one more email each, listing every other comment with its link.
    await eventually(() => followers.forEach((f) => expect(to(f)).toHaveLength(2)), 30_000)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    for (const f of followers) {
      const [first, digest] = to(f)
      expect(to(f)).toHaveLength(2)
      const covered = ids.filter(
        (id) =>
          first!.text.includes(`#${commentAnchor(id)}`) ||
          digest!.text.includes(`#${commentAnchor(id)}`),
      )
      expect(covered).toEqual(ids)
      expect(digest!.subject).toMatch(/^\d+ neue Kommentare zu „/)
    }
    expect(resend.delivered.length).toBe(FOLLOWERS * 2)
  }, 60_000)

  it('with a window of 0, every comment goes out at once', async () => {
    await cms.payload.updateGlobal({ slug: 'comment-settings', data: { digestMinutes: 0 } })
    const before = resend.delivered.length
    const id = await postComment(cms.url, 'sofort@example.de')
    await eventually(
      () =>
        expect(
          resend.delivered.slice(before).filter((m) => m.text.includes(`#${commentAnchor(id)}`)),
        ).toHaveLength(FOLLOWERS),
      15_000,
    )
  })

  it('tell the editors of a flood of held comments at once and once more when the window ends', async () => {
    await cms.payload.updateGlobal({
      slug: 'comment-settings',
      data: { moderation: 'all', digestMinutes: 0.1 },
    })
    const editor = () => resend.to('redaktion@example.de')
    const held = async (email: string) => {
      const response = await fetch(`${cms.url}${apiPaths.comments(FANOUT_SLUG)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Flut',
          email,
          body: `Wartet auf Freigabe: ${email}`,
          consent: true,
          formToken: agedFormToken(),
        }),
      })
      return ((await response.json()) as CreatedComment).comment.id
    }
    // The first held comment after a quiet window is told at once …
    const first = await held('erster@example.de')
    await eventually(() => expect(editor()).toHaveLength(1), 10_000)
    expect(editor()[0]!.text).toContain(`/admin/collections/comments/${first}`)
    // … a flood within the window waits for its end, and leaves as one email.
    const flood = await Promise.all(
      Array.from({ length: 60 }, (_, i) => held(`flut${i}@example.de`)),
    )
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(editor()).toHaveLength(1)
    await eventually(() => expect(editor()).toHaveLength(2), 30_000)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(editor()).toHaveLength(2)
    const notice = editor()[1]!
    expect(notice.subject).toBe('60 Kommentare warten auf Freigabe')
    // 50 quoted with their links, the other 10 counted, all in the admin's list.
    const linked = flood.filter((id) => notice.text.includes(`/admin/collections/comments/${id}`))
    expect(linked).toHaveLength(50)
    expect(notice.text).toContain('und 10 weitere')
  }, 60_000)
})
