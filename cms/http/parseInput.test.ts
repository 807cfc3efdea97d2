import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { newCommentInput } from '../comments/input'
import { message, translator } from '../i18n/messages'
import { parseInput } from './parseInput'

const validComment = {
  name: ' Anna ',
  email: 'anna@example.de',
  body: ' Guter Artikel! ',
  consent: 'on',
}

describe('parseInput', () => {
  it('returns the parsed value when the input is valid', () => {
    const result = parseInput(newCommentInput, validComment, translator('de'))
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'Anna', body: 'Guter Artikel!', notify: 'none' }),
    })
  })

  it("names every wrong field once, in the reader's language", () => {
    const input = { name: '', email: 'keine-adresse', body: '   ' }
    expect(parseInput(newCommentInput, input, translator('en'))).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: message('en', 'nameRequired') },
        { field: 'email', message: message('en', 'emailInvalid') },
        { field: 'body', message: message('en', 'bodyRequired') },
        { field: 'consent', message: message('en', 'consentRequired') },
      ],
    })
    const german = parseInput(newCommentInput, input, translator('de'))
    expect(german.ok ? [] : german.errors.map((e) => e.message)).toContain(
      'Bitte geben Sie Ihren Namen an.',
    )
  })

  it('reports only the first problem of a field', () => {
    const schema = z.object({
      name: z
        .string()
        .min(3, 'nameRequired')
        .max(1, 'nameTooLong')
        .regex(/^\d+$/, 'websiteInvalid'),
    })
    expect(parseInput(schema, { name: 'ab' }, translator('en'))).toEqual({
      ok: false,
      errors: [{ field: 'name', message: message('en', 'nameRequired') }],
    })
  })

  it('passes on messages that are not message keys as they are', () => {
    const schema = z.object({ code: z.string().length(6, 'Der Code hat sechs Stellen.') })
    expect(parseInput(schema, { code: '123' }, translator('en'))).toEqual({
      ok: false,
      errors: [{ field: 'code', message: 'Der Code hat sechs Stellen.' }],
    })
  })

  it('names nested fields by their path', () => {
    const schema = z.object({ author: z.object({ name: z.string().min(1, 'nameRequired') }) })
    expect(parseInput(schema, { author: { name: '' } }, translator('en'))).toEqual({
      ok: false,
      errors: [{ field: 'author.name', message: message('en', 'nameRequired') }],
    })
  })

  it('reports a problem with the input as a whole on the field "body"', () => {
    const schema = z
      .object({ a: z.string(), b: z.string() })
      .refine((v) => v.a !== v.b, 'requestBodyInvalid')
    expect(parseInput(schema, { a: 'x', b: 'x' }, translator('de'))).toEqual({
      ok: false,
      errors: [{ field: 'body', message: message('de', 'requestBodyInvalid') }],
    })
  })
})
