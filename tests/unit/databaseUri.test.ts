import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { databaseAdapter } from '../../cms/database/adapter'
import { DatabaseUriError, parseDatabaseUri } from '../../cms/database/parseDatabaseUri'

describe('DATABASE_URI', () => {
  it('defaults to the embedded SQLite file under data/', () => {
    expect(parseDatabaseUri(undefined)).toEqual({
      kind: 'sqlite',
      file: path.resolve('data/leuchtturm.db'),
      url: `file:${path.resolve('data/leuchtturm.db')}`,
    })
    expect(parseDatabaseUri('  ').kind).toBe('sqlite')
  })

  it('takes relative and absolute file: paths', () => {
    expect(parseDatabaseUri('file:./x/blog.db')).toMatchObject({
      kind: 'sqlite',
      file: path.resolve('x/blog.db'),
    })
    expect(parseDatabaseUri('file:/var/lib/blog.db')).toMatchObject({
      kind: 'sqlite',
      file: '/var/lib/blog.db',
    })
  })

  it('selects MongoDB for mongodb:// and mongodb+srv://', () => {
    expect(parseDatabaseUri('mongodb://db:27017/blog')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://db:27017/blog',
    })
    expect(parseDatabaseUri('mongodb+srv://u:p@cluster.example.net/blog').kind).toBe('mongodb')
  })

  it('refuses any other scheme with one line that says what works', () => {
    expect(() => parseDatabaseUri('postgres://localhost/blog')).toThrow(DatabaseUriError)
    expect(() => parseDatabaseUri('mysql://x')).toThrow(
      /^DATABASE_URI: unsupported scheme "mysql" – use file:/,
    )
    expect(() => parseDatabaseUri('blog.db')).toThrow(/unsupported scheme "blog.db"/)
  })

  it('builds the matching Payload adapter', () => {
    expect(databaseAdapter('mongodb://localhost:27017/blog').name).toBe('mongoose')
    expect(databaseAdapter('file:./data/test.db').name).toBe('sqlite')
  })
})
