import { describe, expect, it } from 'vitest'
import { sharedBody } from './sharedBody'

describe('sharedBody', () => {
  it('answers the exact text, umlauts and emoji included, to every reader', async () => {
    const text = JSON.stringify({ comments: [{ body: 'Grüße an alle – 👋' }] })
    const body = sharedBody(text)
    for (let reader = 0; reader < 2; reader++) expect(await new Response(body).text()).toBe(text)
  })
})
