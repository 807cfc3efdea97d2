import type { PublicComment } from '../../../../contract'
import { comment } from './fakeApi'

/**
 * Comments that weigh like real ones, for the page budget: German-like text (a Zipf-distributed
 * vocabulary of 4,000 made-up words, which gzips like German prose: about 0.36 of its size for
 * 100 KB), lengths spread around a mean, real-looking names and dates. Seeded: the same every run.
 */
export function realisticThreads({
  threads,
  repliesPerThread,
  meanLength,
  seed = 7,
}: {
  threads: number
  repliesPerThread: number
  /** mean characters of a comment's text; each is 0.2 to 1.8 times that */
  meanLength: number
  seed?: number
}): PublicComment[] {
  let state = seed
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!

  const syllables = (
    'ver be ge er ent zer an auf aus bei mit nach vor zu ein un ab da so wie der die das und ' +
    'ist nicht sch ung keit heit lich ig isch en el e t st n ch ar or ur al ol ul in on im om ' +
    'um ra re ri ro ru la le li lo lu ma me mi mo mu na ne ni no nu ta te ti to tu ka ke ki ko ' +
    'ku ha he hi ho hu ga gi go gu fa fe fi fo fu wa we wi wo wu ba bi bo bu pa pe pi po pu sa ' +
    'se si su'
  ).split(' ')
  const words = Array.from({ length: 4000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3.2) }, () => pick(syllables)).join(''),
  )
  const harmonic = words.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0)
  const word = () => {
    let r = random() * harmonic
    for (let rank = 0; rank < words.length; rank++)
      if ((r -= 1 / (rank + 1)) <= 0) return words[rank]!
    return words[0]!
  }
  const text = (length: number) => {
    let result = ''
    while (result.length < length) {
      const sentence = Array.from({ length: 4 + Math.floor(random() * 14) }, word).join(' ')
      result += `${result ? ' ' : ''}${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`
    }
    return result.slice(0, length)
  }
  const first = ['Anna', 'Jan', 'Maria', 'Thomas', 'Sabine', 'Michael', 'Julia', 'Stefan', 'Petra']
  const last = ['Berger', 'Meyer', 'Schulz', 'Klein', 'Wagner', 'Becker', 'Hoffmann', 'Koch']
  const author = () => ({
    name: `${pick(first)} ${pick(last)}`,
    url: random() < 0.2 ? `https://www.${pick(last).toLowerCase()}-beratung.de` : null,
  })
  const body = () => `<p>${text(Math.round(meanLength * (0.2 + random() * 1.6)))}</p>`
  let id = 1000
  let time = Date.UTC(2026, 10, 1)
  const next = () => {
    time += Math.floor(random() * 3_600_000)
    return { id: String(++id), createdAt: new Date(time).toISOString() }
  }
  const reactions = () => ({ up: Math.floor(random() * 6), down: Math.floor(random() * 2) })

  return Array.from({ length: threads }, () => {
    const root = next()
    return comment(root.id, '', {
      ...root,
      author: author(),
      html: body(),
      reactions: reactions(),
      replies: Array.from({ length: repliesPerThread }, () => {
        const reply = next()
        return comment(reply.id, '', {
          ...reply,
          parent: root.id,
          depth: 2,
          author: author(),
          html: body(),
          reactions: reactions(),
        })
      }),
    })
  })
}
