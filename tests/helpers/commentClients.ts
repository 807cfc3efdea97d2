import { randomUUID } from 'node:crypto'
import { apiPaths, IDEMPOTENCY_KEY_HEADER, type CreatedComment } from '../../contract'
import { remoteFormToken } from '../../scripts/lib/formToken'
import { FANOUT_SLUG } from '../../scripts/lib/seedSubscribers'

/** One reader's submission: the same content (and key) each time it is sent. */
export type Submission = { n: number; key: string; body: string }

export type Answer = { status: number; json: Partial<CreatedComment> | null }

/** Reader n's address, as one trusted proxy (TRUST_PROXY=1) forwards it: 10.x.y.z, distinct per n. */
export const readerAddress = (n: number): string =>
  `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`

/**
 * Readers posting to the CMS at `cmsUrl`, each from its own forwarded address and mailbox, with an
 * Idempotency-Key per submission (as the island sends it). `send` answers status 0 when the
 * connection broke before an answer.
 */
export function commentClients(cmsUrl: string, slug = FANOUT_SLUG, run = randomUUID().slice(0, 8)) {
  const submission = (n: number): Submission => ({
    n,
    key: randomUUID(),
    body: `Kommentar ${n} aus Lauf ${run}: Wie viele Leser erreicht ein Blog im Mittelstand?`,
  })
  const send = async (s: Submission, notify: 'none' | 'replies' = 'none'): Promise<Answer> => {
    const response = await fetch(`${cmsUrl}${apiPaths.comments(slug)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': readerAddress(s.n),
        [IDEMPOTENCY_KEY_HEADER]: s.key,
      },
      body: JSON.stringify({
        name: `Leser ${s.n}`,
        email: `leser-${run}-${s.n}@example.de`,
        body: s.body,
        consent: true,
        notify,
        formToken: await remoteFormToken(cmsUrl),
      }),
    }).catch(() => null)
    if (!response) return { status: 0, json: null }
    const json = (await response.json().catch(() => null)) as Partial<CreatedComment> | null
    return { status: response.status, json }
  }
  return { submission, send }
}
