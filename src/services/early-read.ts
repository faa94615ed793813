// Reads started before a page renders: a QR scan's landing page needs its floor and the categories
// at once, so the app asks for them while the page's code is still starting, and the page's first
// read of the same thing takes the answer already under way (each early answer is taken once).
const started = new Map<string, Promise<unknown>>()

/** Starts `load` now under `key`, unless a read under that key is already waiting to be taken. */
export function startEarly(key: string, load: () => Promise<unknown>): void {
  if (started.has(key)) return
  const answer = load()
  answer.catch(() => undefined) // its failure is the page's to show, when it takes it
  started.set(key, answer)
}

/** The early read under `key` if one was started and not yet taken; else `load()`. */
export function takeEarly<T>(key: string, load: () => Promise<T>): Promise<T> {
  const answer = started.get(key) as Promise<T> | undefined
  started.delete(key)
  return answer ?? load()
}
