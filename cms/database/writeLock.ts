/** A wait for the write lock that took too long: most likely a write outside a transaction that the same request holds. */
export class WriteLockTimeout extends Error {
  override name = 'WriteLockTimeout'
}

/**
 * One writer at a time in this process, first come first served. A waiter gives up after
 * `timeoutMs`, so a deadlock (code inside a transaction writing through another request, which
 * waits for the transaction it runs in) ends as an error instead of a hang.
 */
export class WriteLock {
  #held = false
  readonly #waiting: (() => void)[] = []

  constructor(private readonly timeoutMs: number) {}

  /** Resolves with the function that releases the lock (calling it twice releases once). */
  acquire(): Promise<() => void> {
    if (!this.#held) {
      this.#held = true
      return Promise.resolve(this.#releaser())
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer)
        resolve(this.#releaser())
      }
      const timer = setTimeout(() => {
        const index = this.#waiting.indexOf(grant)
        if (index >= 0) this.#waiting.splice(index, 1)
        reject(
          new WriteLockTimeout(
            `Waited ${this.timeoutMs} ms for the database write lock: is a write running outside the transaction its request holds?`,
          ),
        )
      }, this.timeoutMs)
      this.#waiting.push(grant)
    })
  }

  #releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.#waiting.shift()
      if (next) next()
      else this.#held = false
    }
  }
}
