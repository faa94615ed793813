// The SDK's query results are loosely typed; these narrow them once, here.

/** The rows of a `get()` result. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { data?: unknown[] }).data ?? []) as T[]
}

/** The one document of a `doc().get()` result. */
export function docOf<T>(result: unknown): T | null {
  return ((result as { data?: unknown }).data ?? null) as T | null
}

/** Whether a write failed because a document with that `_id` (or unique key) already exists. */
export function isDuplicateKey(error: unknown): boolean {
  return /E11000|duplicate/i.test(String((error as { errMsg?: string }).errMsg ?? error))
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK types transactions loosely
export type Tx = any

/** Writes one wing adds to another wing's transaction (e.g. push intents beside a ticket). */
export type TxWrite = (tx: Tx) => Promise<void>
