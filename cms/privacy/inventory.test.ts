import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'
import { PRIVACY_INVENTORY } from './inventory'

/** The privacy page's table rows: one string per row. */
const pageRows = readFileSync(path.resolve('content/pages/datenschutz.mdx'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('|') && !line.startsWith('| ---'))

/** Fields that hold a person's address, name or client: a collection with one is personal data. */
const PERSONAL_FIELD = /^(name|authorName|authorEmail|authorUrl|clientHash|readerHash|ip)$/
const personalFields = (fields: Field[]): string[] =>
  fields.flatMap((field) => {
    const own =
      'name' in field && (field.type === 'email' || PERSONAL_FIELD.test(field.name))
        ? [field.name]
        : []
    const nested = 'fields' in field ? personalFields(field.fields) : []
    const tabs =
      field.type === 'tabs' ? field.tabs.flatMap((tab) => personalFields(tab.fields)) : []
    return [...own, ...nested, ...tabs]
  })

describe('the privacy page and the inventory (cms/privacy/inventory.ts)', () => {
  it.each(PRIVACY_INVENTORY.map((entry) => [entry.name, entry] as const))(
    'the table has a row for %s with its retention',
    (name, entry) => {
      const row = pageRows.find((line) => line.startsWith(`| ${name}:`))
      expect(row, `no row "| ${name}: …" on the privacy page`).toBeDefined()
      for (const phrase of entry.retention) expect(row).toContain(phrase)
    },
  )

  it('every table row is in the inventory (the page says nothing the code does not do)', () => {
    const names = PRIVACY_INVENTORY.map((entry) => entry.name)
    const rows = pageRows.slice(1).map((line) => /^\| ([^:|]+):/.exec(line)?.[1])
    expect(rows.sort()).toEqual([...names].sort())
  })

  it('every collection with an address, a name or a client hash is in the inventory', async () => {
    const config = await (await import('@payload-config')).default
    const listed = new Set(PRIVACY_INVENTORY.map((entry) => entry.collection))
    const missing = config.collections
      .filter((collection) => !collection.slug.startsWith('payload-'))
      .filter((collection) => personalFields(collection.fields).length > 0)
      .map((collection) => collection.slug)
      .filter((slug) => !listed.has(slug))
    expect(missing).toEqual([])
  })
})
