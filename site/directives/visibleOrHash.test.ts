import { afterEach, describe, expect, it, vi } from 'vitest'
import visibleOrHash, { hydrateNow } from './visibleOrHash'

describe('client:visible-or-hash', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('hydrates at once only for a link to a comment', () => {
    expect(hydrateNow('#kommentar-42')).toBe(true)
    expect(hydrateNow('#kommentar-6750e1c2a4f1b2c3d4e5f6a7')).toBe(true)
    expect(hydrateNow('')).toBe(false)
    expect(hydrateNow('#kommentare')).toBe(false) // the section itself: visible anyway
    expect(hydrateNow('#main')).toBe(false)
    expect(hydrateNow('#abo-angefragt')).toBe(false)
  })

  /** Runs the directive on an island with two children; `intersect` plays the observer's callback. */
  function run(hash: string) {
    const observed: Element[] = []
    const options: IntersectionObserverInit[] = []
    let callback: IntersectionObserverCallback = () => {}
    const disconnect = vi.fn()
    vi.stubGlobal('location', { hash })
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: IntersectionObserverCallback, init: IntersectionObserverInit) {
          callback = cb
          options.push(init)
        }
        observe = (el: Element) => observed.push(el)
        disconnect = disconnect
      },
    )
    const hydrate = vi.fn(async () => {})
    const load = vi.fn(async () => hydrate)
    const island = { children: [{ id: 'a' }, { id: 'b' }] } as unknown as HTMLElement
    visibleOrHash(load, { name: 'CommentSection', value: { rootMargin: '300px' } as never }, island)
    const intersect = (isIntersecting: boolean) =>
      callback([{ isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver)
    return { load, hydrate, observed, options, disconnect, intersect }
  }

  it('with a link to a comment: hydrates without waiting for the island to come into view', async () => {
    const island = run('#kommentar-42')
    expect(island.load).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(island.hydrate).toHaveBeenCalledOnce())
    expect(island.observed).toEqual([])
  })

  it('else: like client:visible, with its rootMargin', async () => {
    const island = run('')
    expect(island.load).not.toHaveBeenCalled()
    expect(island.options).toEqual([{ rootMargin: '300px' }])
    expect(island.observed).toHaveLength(2)
    island.intersect(false)
    expect(island.load).not.toHaveBeenCalled()
    island.intersect(true)
    expect(island.disconnect).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(island.hydrate).toHaveBeenCalledOnce())
  })
})
