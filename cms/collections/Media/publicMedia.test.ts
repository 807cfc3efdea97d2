import { describe, expect, it } from 'vitest'
import { referencedMedia } from './publicMedia'

describe('referencedMedia', () => {
  it('finds the cover and every image in the text, nested or populated, and nothing else', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'upload', relationTo: 'media', value: 7 },
          {
            type: 'list',
            children: [
              {
                type: 'listitem',
                children: [{ type: 'upload', relationTo: 'media', value: { id: 8 } }],
              },
            ],
          },
          { type: 'upload', relationTo: 'documents', value: 9 },
          { type: 'paragraph', children: [{ type: 'text', text: 'media 10' }] },
        ],
      },
    }
    expect([...referencedMedia({ cover: { id: 3, url: '/x.png' }, body })].sort()).toEqual([
      '3',
      '7',
      '8',
    ])
    expect([...referencedMedia({ cover: null, body: null })]).toEqual([])
  })
})
