import type { PublicComment } from '../../../../contract'
import { comment } from './fakeApi'

/**
 * Comments that weigh like real ones, for the page budget: German-like text (a Zipf-distributed
 * vocabulary of 4,000 made-up words, which gzips like German prose: to about 0.36 of its size for
 * 100 KB), lengths spread around a mean, real-looking names. Seeded: the same every run.
 */
export function commentWriter(seed = 7) {
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
  const first = ['Anna', 'Jan', 'Maria', 'Thomas', 'Sabine', 'Michael', 'Julia', 'Stefan', 'Petra']
  const last = ['Berger', 'Meyer', 'Schulz', 'Klein', 'Wagner', 'Becker', 'Hoffmann', 'Koch']

  return {
    random,
    /** sentences, `length` characters */
    text(length: number): string {
      let result = ''
      while (result.length < length) {
        const sentence = Array.from({ length: 4 + Math.floor(random() * 14) }, word).join(' ')
        result += `${result ? ' ' : ''}${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`
      }
      return result.slice(0, length)
    },
    /** 0.2 to 1.8 times the mean */
    length: (mean: number) => Math.round(mean * (0.2 + random() * 1.6)),
    name: () => `${pick(first)} ${pick(last)}`,
    /** one in five authors gives a website */
    url: () => (random() < 0.2 ? `https://www.${pick(last).toLowerCase()}-beratung.de` : null),
  }
}

/** Threads of a root comment and its replies, oldest first, as the API answers them. */
export function realisticThreads({
  threads,
  repliesPerThread,
  meanLength,
  seed,
}: {
  threads: number
  repliesPerThread: number
  /** mean characters of a comment's text */
  meanLength: number
  seed?: number
}): PublicComment[] {
  const writer = commentWriter(seed)
  let id = 1000
  let time = Date.UTC(2026, 10, 1)
  const write = (parent: string | null): PublicComment => {
    time += Math.floor(writer.random() * 3_600_000)
    return comment(String(++id), '', {
      parent,
      depth: parent ? 2 : 1,
      createdAt: new Date(time).toISOString(),
      author: { name: writer.name(), url: writer.url() },
      html: `<p>${writer.text(writer.length(meanLength))}</p>`,
      reactions: {
        up: Math.floor(writer.random() * 6),
        down: Math.floor(writer.random() * 2),
      },
    })
  }
  return Array.from({ length: threads }, () => {
    const root = write(null)
    return { ...root, replies: Array.from({ length: repliesPerThread }, () => write(root.id)) }
  })
}
