import { describe, expect, it } from 'vitest'
import { redactLogArguments } from './redactLog'

const logged = (...args: unknown[]) => {
  let out: unknown[] = []
  redactLogArguments(args, (...passed: unknown[]) => void (out = passed))
  return out
}

describe('the log redaction hook', () => {
  it('masks addresses and tokens in a message, in an error and in an object with `err`', () => {
    const failure = new Error(
      'Failed query: insert into "subscriptions" params: anna@example.de,confirm?token=abc.def',
    )
    const [message] = logged('E-Mail an anna@example.de: http://x/confirm?token=abc.def')
    expect(message).toBe('E-Mail an a…@example.de: http://x/confirm?token=…')

    const [error] = logged(failure) as [Error]
    expect(error.message).toBe(
      'Failed query: insert into "subscriptions" params: a…@example.de,confirm?token=…',
    )
    expect(error.stack).not.toContain('anna@')
    expect(error.stack).not.toContain('abc.def')

    const [object, text] = logged({ err: failure, count: 2 }, 'public endpoint failed') as [
      { err: Error; count: number },
      string,
    ]
    expect(object.count).toBe(2)
    expect(object.err.message).not.toContain('anna@')
    expect(text).toBe('public endpoint failed')
    // The original error is left as it was (its owner may still use it).
    expect(failure.message).toContain('anna@example.de')
  })
})
