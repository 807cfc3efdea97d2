// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { EDIT_WINDOW_MS } from '../../../contract'
import {
  EDIT_TOKENS_KEY,
  loadEditTokens,
  nextExpiry,
  removeEditToken,
  saveEditToken,
} from './editTokens'

const stored = () => JSON.parse(localStorage.getItem(EDIT_TOKENS_KEY) ?? 'null') as unknown

describe('edit tokens', () => {
  beforeEach(() => localStorage.clear())

  it('keeps { token, createdAt } per comment id for 15 minutes', () => {
    saveEditToken('7', 'abc', 1_000)
    expect(stored()).toEqual({ '7': { token: 'abc', createdAt: 1_000 } })
    expect(loadEditTokens(1_000 + EDIT_WINDOW_MS - 1)).toEqual({
      '7': { token: 'abc', createdAt: 1_000 },
    })
    expect(nextExpiry(loadEditTokens(1_000), 1_000)).toBe(EDIT_WINDOW_MS)
  })

  it('drops expired and malformed entries from storage', () => {
    localStorage.setItem(
      EDIT_TOKENS_KEY,
      JSON.stringify({
        '1': { token: 'old', createdAt: 0 },
        '2': 'broken',
        '3': { token: 'new', createdAt: EDIT_WINDOW_MS },
      }),
    )
    expect(loadEditTokens(EDIT_WINDOW_MS + 10)).toEqual({
      '3': { token: 'new', createdAt: EDIT_WINDOW_MS },
    })
    expect(stored()).toEqual({ '3': { token: 'new', createdAt: EDIT_WINDOW_MS } })
  })

  it('survives garbage in storage and removes single tokens', () => {
    localStorage.setItem(EDIT_TOKENS_KEY, '{not json')
    expect(loadEditTokens()).toEqual({})
    saveEditToken('1', 'a')
    saveEditToken('2', 'b')
    expect(Object.keys(removeEditToken('1'))).toEqual(['2'])
    expect(nextExpiry({})).toBeNull()
  })
})
