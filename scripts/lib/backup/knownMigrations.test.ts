import { describe, expect, it } from 'vitest'
import { migrations } from '../../../cms/migrations/index'
import { knownMigrations } from './knownMigrations'

describe('knownMigrations', () => {
  it('names exactly the migrations the CMS runs', () => {
    expect(knownMigrations()).toEqual(migrations.map((m) => m.name).sort())
  })
})
