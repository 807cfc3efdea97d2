import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'
import sharp from 'sharp'
import { create } from 'tar'
import { afterAll, describe, expect, it } from 'vitest'
import { apiPaths, type CommentsData } from '../../contract'
import { eventually } from '../../scripts/lib/eventually'
import { remoteFormToken } from '../../scripts/lib/formToken'
import { FANOUT_SLUG, postComment } from '../../scripts/lib/seedSubscribers'
import { tempEnv } from '../../scripts/lib/tempEnv'
import { startCmsProcess } from '../helpers/cmsProcess'
import { runScript } from '../helpers/runScript'

// Without PAYLOAD_SECRET the CMS writes DATA_DIR/.payload-secret, which a backup must carry.
const source = tempEnv()
const target = tempEnv()
const sourceEnv = { ...source.env, PAYLOAD_SECRET: '' }
const targetEnv = { ...target.env, PAYLOAD_SECRET: '' }
const backupDir = path.join(source.dir, 'backups')
const dbFile = (env: Record<string, string>) => env.DATABASE_URI!.slice('file:'.length)
const processes: { kill: () => Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()))
  source.cleanup()
  target.cleanup()
})

/** What the source held, for the restored copy to show. */
let archive = ''
let editorToken = ''
let image: { url: string; bytes: Buffer } = { url: '', bytes: Buffer.alloc(0) }
/** Comments acknowledged before the backup began; sent only after it ended; all acknowledged. */
let ackedBefore: string[] = []
let sentAfter: string[] = []
const acked: { id: string; sentAt: number; ackedAt: number }[] = []

async function allCommentIds(cmsUrl: string): Promise<string[]> {
  const ids: string[] = []
  for (let page = 1; ; page++) {
    const response = await fetch(
      `${cmsUrl}${apiPaths.comments(FANOUT_SLUG)}?limit=100&page=${page}`,
    )
    const data = (await response.json()) as CommentsData
    ids.push(...data.comments.map((c) => c.id))
    if (page >= data.pagination.totalPages) return ids
  }
}

const lines = (text: string) => text.trim().split('\n')

describe('npm run backup while the site is in use, then npm run restore', () => {
  it('writes one archive while comments keep arriving', async () => {
    // The seed article with moderation "none": every comment is public at once.
    const cms = await startCmsProcess({ ...sourceEnv, SEED_SUBSCRIBERS: '0' })
    processes.push(cms)
    const registered = await fetch(`${cms.url}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chefin@example.de', password: 'ein-langes-passwort' }),
    })
    editorToken = ((await registered.json()) as { token: string }).token
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#1d4ed8' },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'leuchtturm.png')
    form.append('_payload', JSON.stringify({ alt: 'Ein Leuchtturm' }))
    const uploaded = await fetch(`${cms.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${editorToken}` },
      body: form,
    })
    expect(uploaded.status).toBe(201)
    const { doc } = (await uploaded.json()) as { doc: { url: string } }
    image = { url: doc.url, bytes: png }

    // Two readers post one comment after another until told to stop.
    await remoteFormToken(cms.url)
    let writing = true
    let failure: unknown
    const stream = Promise.all(
      [0, 1].map(async (reader) => {
        for (let n = 0; writing; n++) {
          const sentAt = Date.now()
          const id = await postComment(cms.url, `leser-${reader}-${n}@example.de`)
          acked.push({ id, sentAt, ackedAt: Date.now() })
        }
      }),
    ).catch((error: unknown) => (failure = error))
    const acknowledged = (count: number) =>
      eventually(() => {
        if (failure) throw failure
        expect(acked.length).toBeGreaterThanOrEqual(count)
      }, 30_000)
    await acknowledged(10)
    const started = Date.now()
    const backup = await runScript('scripts/backup.ts', [backupDir], sourceEnv)
    const finished = Date.now()
    const countAtFinish = acked.length
    await acknowledged(countAtFinish + 5)
    writing = false
    await stream
    expect(failure).toBeUndefined()

    expect({ code: backup.code, stderr: backup.stderr }).toEqual({ code: 0, stderr: '' })
    expect(backup.stdout).toMatch(/^Backup written: .*leuchtturm-\d{4}-\d\d-\d\dT\d{6}Z\.tar\.gz/)
    const archives = fs.readdirSync(backupDir)
    expect(archives).toHaveLength(1)
    archive = path.join(backupDir, archives[0]!)
    ackedBefore = acked.filter((c) => c.ackedAt < started).map((c) => c.id)
    sentAfter = acked.filter((c) => c.sentAt > finished).map((c) => c.id)
    // Writes went on while the backup ran.
    expect(
      acked.filter((c) => c.ackedAt >= started && c.ackedAt <= finished).length,
    ).toBeGreaterThan(0)
    await cms.kill()
  }, 120_000)

  it('restores into an empty data directory: content, upload and login all there', async () => {
    const restore = await runScript('scripts/restore.ts', [archive], targetEnv)
    expect(restore.stderr).toBe('')
    expect(restore.code).toBe(0)
    expect(restore.stdout).toMatch(/^Restored the backup of /)

    const db = createClient({ url: `file:${dbFile(targetEnv)}` })
    const integrity = await db.execute('PRAGMA integrity_check')
    db.close()
    expect(integrity.rows.map((row) => row[0])).toEqual(['ok'])

    const cms = await startCmsProcess(targetEnv)
    processes.push(cms)
    const restored = await allCommentIds(cms.url)
    // A snapshot from within the backup's run: everything acknowledged before it, nothing sent
    // after it, and only whole comments that were acknowledged.
    expect(restored).toEqual(expect.arrayContaining(ackedBefore))
    expect(restored.filter((id) => sentAfter.includes(id))).toEqual([])
    const ackedIds = new Set(acked.map((c) => c.id))
    expect(restored.filter((id) => !ackedIds.has(id))).toEqual([])
    expect(new Set(restored).size).toBe(restored.length)

    // The upload is served again, byte for byte (to an editor: no published article shows it).
    const file = await fetch(`${cms.url}${new URL(image.url, cms.url).pathname}`, {
      headers: { authorization: `JWT ${editorToken}` },
    })
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).equals(image.bytes)).toBe(true)
    // The generated secret came along: the editor's login from before still holds.
    const me = await fetch(`${cms.url}/api/users/me`, {
      headers: { authorization: `JWT ${editorToken}` },
    })
    expect(((await me.json()) as { user: { email: string } | null }).user?.email).toBe(
      'chefin@example.de',
    )
    await cms.kill()
  }, 120_000)

  it('refuses to restore over existing data, and changes nothing', async () => {
    const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    const before = sha(dbFile(targetEnv))
    const overDatabase = await runScript('scripts/restore.ts', [archive], targetEnv)
    expect(overDatabase.code).toBe(1)
    expect(lines(overDatabase.stderr)).toEqual([
      `Refusing to restore: ${dbFile(targetEnv)} already exists. Restore into an empty data directory; nothing was changed.`,
    ])
    expect(sha(dbFile(targetEnv))).toBe(before)

    const fresh = tempEnv()
    try {
      fs.mkdirSync(fresh.env.MEDIA_DIR!)
      fs.writeFileSync(path.join(fresh.env.MEDIA_DIR!, 'eigenes.png'), 'mine')
      const overMedia = await runScript('scripts/restore.ts', [archive], fresh.env)
      expect(overMedia.code).toBe(1)
      expect(lines(overMedia.stderr)).toEqual([
        `Refusing to restore: the media folder ${fresh.env.MEDIA_DIR} is not empty. Restore into an empty data directory; nothing was changed.`,
      ])
      expect(fs.readdirSync(fresh.dir)).toEqual(['media'])
      expect(fs.readdirSync(fresh.env.MEDIA_DIR!)).toEqual(['eigenes.png'])
    } finally {
      fresh.cleanup()
    }
  }, 30_000)

  it('refuses an archive that is not a sound Leuchtturm backup', async () => {
    const fresh = tempEnv()
    try {
      const garbage = path.join(fresh.dir, 'garbage.tar.gz')
      fs.writeFileSync(garbage, randomBytes(20_000))
      const truncated = path.join(fresh.dir, 'truncated.tar.gz')
      fs.writeFileSync(truncated, fs.readFileSync(archive).subarray(0, 4_000))
      // A well-formed archive of something else.
      const foreign = path.join(fresh.dir, 'foreign.tar.gz')
      fs.mkdirSync(path.join(fresh.dir, 'notes'))
      fs.writeFileSync(path.join(fresh.dir, 'notes', 'todo.txt'), 'nichts')
      await create({ gzip: true, file: foreign, cwd: fresh.dir }, ['notes'])
      const entries = () => fs.readdirSync(fresh.dir).sort()
      const before = entries()

      const results = await Promise.all(
        [garbage, truncated, foreign].map((file) =>
          runScript('scripts/restore.ts', [file], fresh.env),
        ),
      )
      for (const [i, file] of [garbage, truncated, foreign].entries()) {
        expect(results[i]!.code).toBe(1)
        expect(lines(results[i]!.stderr)).toHaveLength(1)
        expect(
          results[i]!.stderr.startsWith(`${file} is not a Leuchtturm backup or is damaged (`),
        ).toBe(true)
        expect(results[i]!.stderr).toMatch(/\): nothing restored\.\n$/)
      }
      expect(entries()).toEqual(before)
    } finally {
      fresh.cleanup()
    }
  }, 30_000)

  it('points to mongodump and mongorestore for MongoDB', async () => {
    const mongo = { ...target.env, DATABASE_URI: 'mongodb://127.0.0.1:9/leuchtturm' }
    const results = await Promise.all([
      runScript('scripts/backup.ts', [], mongo),
      runScript('scripts/restore.ts', [archive], mongo),
    ])
    for (const result of results) {
      expect(result.code).toBe(1)
      expect(lines(result.stderr)).toHaveLength(1)
      expect(result.stderr).toMatch(
        /^DATABASE_URI is MongoDB: back it up with `mongodump .*mongorestore/,
      )
    }
  }, 30_000)
})
