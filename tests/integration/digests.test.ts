import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commentAnchor } from '../../contract'
import { eventually } from '../../scripts/lib/eventually'
import { startFakeResend, type FakeResend } from '../../scripts/lib/fakeResend'
import { startLocalCms, type LocalCms } from '../../scripts/lib/localCms'
import { postComment, seedSubscribers } from '../../scripts/lib/seedSubscribers'

/** A lively discussion: followers get the first comment at once and the rest in one digest. */
const FOLLOWERS = 5
const COMMENTS = 12
let cms: LocalCms
let resend: FakeResend
let followers: string[]

beforeAll(async () => {
  resend = await startFakeResend()
  Object.assign(process.env, {
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: resend.url,
    RESEND_RATE: '100',
  })
  cms = await startLocalCms()
  followers = await seedSubscribers(cms.payload, FOLLOWERS)
  // A short window (6 s) stands in for the default 15 minutes.
  await cms.payload.updateGlobal({ slug: 'comment-settings', data: { digestMinutes: 0.1 } })
}, 120_000)
afterAll(async () => {
  await cms?.stop()
  await resend?.stop()
})

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
})
