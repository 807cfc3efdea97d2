import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { SerializedClient } from './serializedClient'
import { WriteLockTimeout } from './writeLock'

const dirs: string[] = []
const clients: SerializedClient[] = []
afterEach(() => {
  clients.splice(0).forEach((c) => c.close())
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
})

async function open(lockTimeoutMs = 5_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serialized-'))
  dirs.push(dir)
  const pragmas = { busyTimeoutMs: 1_000, wal: { synchronous: 'NORMAL', journalSizeLimit: 1e6 } }
  const client = await SerializedClient.open(
    { url: `file:${path.join(dir, 'x.db')}` },
    pragmas,
    lockTimeoutMs,
  )
  clients.push(client)
  await client.execute('CREATE TABLE t (v INTEGER)')
  return client
}
const values = async (c: SerializedClient) =>
  (await c.execute('SELECT v FROM t ORDER BY v')).rows.map((r) => Number(r.v))
const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('SerializedClient', () => {
  it('lets a write outside a transaction wait for it, and readers see only commits', async () => {
    const client = await open()
    const tx = await client.transaction()
    await tx.execute('INSERT INTO t VALUES (1)')
    const outside = client.execute('INSERT INTO t VALUES (2)')
    await tick()
    expect(await values(client)).toEqual([])
    await tick()
    await tx.commit()
    await outside
    expect(await values(client)).toEqual([1, 2])
  })

  it('rolls a transaction back as a whole, and the next one runs', async () => {
    const client = await open()
    const first = await client.transaction()
    await first.execute('INSERT INTO t VALUES (1)')
    const second = client.transaction()
    await first.rollback()
    const tx = await second
    await tx.execute('INSERT INTO t VALUES (3)')
    await tx.commit()
    expect(await values(client)).toEqual([3])
  })

  it('ends a deadlock (a write waiting for the transaction it runs in) with an error', async () => {
    const client = await open(200)
    const tx = await client.transaction()
    await expect(client.execute('INSERT INTO t VALUES (1)')).rejects.toBeInstanceOf(
      WriteLockTimeout,
    )
    await tx.commit()
    await client.execute('INSERT INTO t VALUES (2)')
    expect(await values(client)).toEqual([2])
  })

  it('waits for another connection holding the file instead of failing (busy timeout)', async () => {
    const client = await open()
    const file = path.join(dirs[0]!, 'x.db')
    // Another thread stands in for another process: it holds the write lock for 300 ms.
    const holder = new Worker(
      `const Database = require('libsql'); const { parentPort, workerData } = require('node:worker_threads');
       const db = new Database(workerData); db.exec('BEGIN IMMEDIATE'); db.exec('INSERT INTO t VALUES (1)');
       parentPort.postMessage('holding'); setTimeout(() => { db.exec('COMMIT'); db.close() }, 300)`,
      { eval: true, workerData: file },
    )
    await new Promise((resolve) => holder.once('message', resolve))
    await client.execute('INSERT INTO t VALUES (2)')
    expect(await values(client)).toEqual([1, 2])
    await holder.terminate()
  })
})
