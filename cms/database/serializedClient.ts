import {
  createClient,
  type Client,
  type Config,
  type InArgs,
  type InStatement,
  type Replicated,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import { WriteLock } from './writeLock'

/** What Payload's SQLite adapter sets on its one connection, set here on both. */
export type ConnectionPragmas = {
  busyTimeoutMs: number
  wal: { synchronous: string; journalSizeLimit: number } | false
}

const BEGIN: Record<TransactionMode, string> = {
  write: 'BEGIN IMMEDIATE',
  deferred: 'BEGIN DEFERRED',
  read: 'BEGIN DEFERRED',
}

/** Statements that only read go to the reading connection without waiting; anything else is a write. */
const isRead = (sql: string): boolean => /^\s*select\b/i.test(sql)

const toStatement = (stmt: InStatement | string, args?: InArgs): InStatement =>
  typeof stmt === 'string' ? { sql: stmt, args: args ?? [] } : stmt

/**
 * A libsql client whose transactions work in one process. libsql's own `transaction()` hands its
 * connection to the transaction and opens a fresh one (without busy timeout) for everything else,
 * and its statements run synchronously on the main thread: a write there while a transaction is
 * open across awaits fails with SQLITE_BUSY, or would block the event loop waiting. Here every
 * write, in a transaction or not, runs on one writing connection under an async lock held from
 * BEGIN to COMMIT/ROLLBACK, and reads run on a second connection, which in WAL mode sees the last
 * commit without waiting. Both connections keep the busy timeout, so other processes on the same
 * file still wait for each other instead of failing.
 */
export class SerializedClient implements Client {
  readonly #lock: WriteLock

  private constructor(
    private readonly reader: Client,
    private readonly writer: Client,
    lockTimeoutMs: number,
  ) {
    this.#lock = new WriteLock(lockTimeoutMs)
  }

  static async open(
    config: Config,
    pragmas: ConnectionPragmas,
    lockTimeoutMs: number,
  ): Promise<SerializedClient> {
    const { busyTimeoutMs, wal } = pragmas
    const connect = async () => {
      const client = createClient(config)
      if (busyTimeoutMs > 0) await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
      if (!wal) return client
      const mode = await client.execute('PRAGMA journal_mode')
      if (mode.rows[0]?.journal_mode !== 'wal') {
        await client.execute('PRAGMA journal_mode = WAL')
        await client.execute(`PRAGMA journal_size_limit = ${wal.journalSizeLimit}`)
      }
      await client.execute(`PRAGMA synchronous = ${wal.synchronous}`)
      return client
    }
    const writer = await connect()
    return new SerializedClient(await connect(), writer, lockTimeoutMs)
  }

  get closed(): boolean {
    return this.writer.closed
  }

  get protocol(): string {
    return this.writer.protocol
  }

  execute(stmt: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const statement = toStatement(stmt, args)
    const sql = typeof statement === 'string' ? statement : statement.sql
    if (isRead(sql)) return this.reader.execute(statement)
    return this.#exclusive(() => this.writer.execute(statement))
  }

  batch(stmts: InStatement[], mode?: TransactionMode): Promise<ResultSet[]> {
    return this.#exclusive(() => this.writer.batch(stmts, mode))
  }

  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#exclusive(() => this.writer.migrate(stmts))
  }

  executeMultiple(sql: string): Promise<void> {
    return this.#exclusive(() => this.writer.executeMultiple(sql))
  }

  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    const release = await this.#lock.acquire()
    try {
      await this.writer.execute(BEGIN[mode])
    } catch (error) {
      release()
      throw error
    }
    return new SerializedTransaction(this.writer, release)
  }

  sync(): Promise<Replicated> {
    return this.writer.sync()
  }

  close(): void {
    this.reader.close()
    this.writer.close()
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.#lock.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }
}

/** A transaction on the writing connection; it holds the write lock until it ends. */
class SerializedTransaction implements Transaction {
  #open = true

  constructor(
    private readonly connection: Client,
    private readonly release: () => void,
  ) {}

  get closed(): boolean {
    return !this.#open
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    this.#checkOpen()
    return this.connection.execute(stmt)
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = []
    for (const stmt of stmts) results.push(await this.execute(stmt))
    return results
  }

  executeMultiple(): Promise<void> {
    // libsql's executeMultiple rolls back an open transaction when it ends.
    return Promise.reject(new Error('executeMultiple is not supported inside a transaction'))
  }

  async commit(): Promise<void> {
    this.#checkOpen()
    try {
      await this.connection.execute('COMMIT')
    } catch (error) {
      await this.rollback()
      throw error
    }
    this.#end()
  }

  async rollback(): Promise<void> {
    if (!this.#open) return
    try {
      await this.connection.execute('ROLLBACK')
    } catch {
      // SQLite already rolled back (an error that aborts the transaction): nothing is left open.
    } finally {
      this.#end()
    }
  }

  close(): void {
    void this.rollback()
  }

  #checkOpen() {
    if (!this.#open) throw new Error('The transaction is closed')
  }

  #end() {
    this.#open = false
    this.release()
  }
}
