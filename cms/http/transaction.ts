import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/**
 * Runs `work` in one database transaction bound to `req`: all of it is stored, or nothing. A
 * Payload operation that fails inside rolls the whole transaction back (killTransaction) even
 * when `work` catches its error; then this throws too, rather than report what was not stored.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  const id = req.transactionID
  try {
    const result = await work()
    if (started && req.transactionID !== id)
      throw new Error('The transaction was rolled back by a failed operation inside it')
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}
