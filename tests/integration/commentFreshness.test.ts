import { remoteFormToken } from '../../scripts/lib/formToken'
import { afterAll, describe, expect, it } from 'vitest'
import {
  apiPaths,
  type CommentsData,
  type CreatedComment,
  type PublicComment,
} from '../../contract'
import { FANOUT_SLUG } from '../../scripts/lib/seedSubscribers'
import { tempEnv } from '../../scripts/lib/tempEnv'
import { startCmsProcess } from '../helpers/cmsProcess'
import { publicApi } from '../helpers/publicApi'

const temp = tempEnv()
const processes: { kill: () => Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()))
  temp.cleanup()
})

/** Polls until `seen` holds for B's answer; returns how long after the change that took. */
async function msUntil(
  read: () => Promise<CommentsData>,
  seen: (data: CommentsData) => boolean,
): Promise<number> {
  const started = Date.now()
  while (!seen(await read())) {
    if (Date.now() - started > 5_000) throw new Error('not seen within 5 s')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return Date.now() - started
}

const find = (comments: PublicComment[], id: string) => comments.find((c) => c.id === id)

describe('two CMS processes on one database', () => {
  it('each shows a change made through the other within 1 s', async () => {
    // A imports the article and publishes comments at once (moderation "none"); B starts on the same file.
    const a = await startCmsProcess({ ...temp.env, SEED_SUBSCRIBERS: '1' })
    processes.push(a)
    const b = await startCmsProcess(temp.env)
    processes.push(b)
    const atA = publicApi(() => a.url)
    const atB = publicApi(() => b.url)
    const readB = async () =>
      (await atB<CommentsData>('GET', apiPaths.comments(FANOUT_SLUG))).json as CommentsData
    expect((await readB()).comments).toEqual([]) // B has cached the empty thread

    const posted = await atA<CreatedComment>('POST', apiPaths.comments(FANOUT_SLUG), {
      name: 'Anna',
      email: 'anna@example.de',
      body: 'Zuerst in A geschrieben.',
      consent: true,
      formToken: await remoteFormToken(a.url),
    })
    const { comment, editToken } = posted.json as CreatedComment
    expect(await msUntil(readB, (d) => !!find(d.comments, comment.id))).toBeLessThan(1000)

    await atA(
      'POST',
      apiPaths.reactions(comment.id),
      { value: 'up' },
      { 'x-reader-token': 'leser-token-0123456789' },
    )
    expect(
      await msUntil(readB, (d) => find(d.comments, comment.id)?.reactions.up === 1),
    ).toBeLessThan(1000)

    await atA(
      'PATCH',
      apiPaths.comment(comment.id),
      { body: 'In A geändert.' },
      { authorization: `Bearer ${editToken}` },
    )
    expect(
      await msUntil(readB, (d) => find(d.comments, comment.id)?.html === '<p>In A geändert.</p>'),
    ).toBeLessThan(1000)

    await atA('DELETE', apiPaths.comment(comment.id), undefined, {
      authorization: `Bearer ${editToken}`,
    })
    expect(await msUntil(readB, (d) => !find(d.comments, comment.id))).toBeLessThan(1000)
  }, 60_000) // two CMS processes start first; the bounds that matter are the 1 s ones above
})
