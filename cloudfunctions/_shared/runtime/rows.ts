// The SDK's query results are loosely typed; these narrow them once, here. And the two ways to read
// more than one page: to the end in `_id` order, or by id in chunks.
import type { Database } from '../runtime/context'

/** The most documents one `get()` returns in a cloud function (the platform's cap). */
export const MAX_PAGE = 1000

/** The most ids one `_id: $in` lookup carries: small enough for any platform limit on `$in`. */
export const MAX_IN = 100

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

type Pipeline = ReturnType<ReturnType<Database['collection']>['aggregate']>

function isPlain(where: object): boolean {
  const proto = Object.getPrototypeOf(where) as unknown
  return proto === Object.prototype || proto === null
}

/** `where`, narrowed to documents whose `_id` sorts after `last`. */
function afterId(db: Database, where: object, last: string): object {
  const beyond = { _id: db.command.gt(last) }
  if (isPlain(where) && !('_id' in where)) return { ...where, ...beyond }
  return db.command.and([where as never, beyond as never])
}

/**
 * Every document of `collection` matching `where`, read page by page in `_id` order (keyset) until
 * the end: never cut at the platform's cap, and stable while others write.
 */
export async function readAll<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: object = {},
  opts: { field?: Record<string, boolean>; pageSize?: number } = {},
): Promise<T[]> {
  const size = Math.min(opts.pageSize ?? MAX_PAGE, MAX_PAGE)
  const out: T[] = []
  let last: string | undefined
  for (;;) {
    let q = db.collection(collection).where(last === undefined ? where : afterId(db, where, last))
    if (opts.field) q = q.field({ ...opts.field, _id: true })
    // bounded: one page of a loop that reads to the end
    const page = rowsOf<T>(await q.orderBy('_id', 'asc').limit(size).get())
    out.push(...page)
    if (page.length < size) return out
    last = page[page.length - 1]._id
  }
}

/**
 * The documents of `collection` with these ids (and matching `where`, when given), in chunks of
 * `MAX_IN` ids: each chunk matches at most its own length, so no chunk is ever cut.
 */
export async function readByIds<T>(
  db: Database,
  collection: string,
  ids: readonly string[],
  where: object = {},
): Promise<T[]> {
  const unique = [...new Set(ids)].filter(Boolean)
  const chunks: string[][] = []
  for (let i = 0; i < unique.length; i += MAX_IN) chunks.push(unique.slice(i, i + MAX_IN))
  const pages = await Promise.all(
    chunks.map(async (chunk) =>
      rowsOf<T>(
        await db
          .collection(collection)
          .where({ ...where, _id: db.command.in(chunk) })
          // bounded: ids are unique, so a chunk matches at most its own length
          .limit(chunk.length)
          .get(),
      ),
    ),
  )
  return pages.flat()
}

/**
 * Every row of an aggregation, page by page: `build` starts the pipeline afresh for each page,
 * which is then ordered by `_id` and cut into pages of `MAX_PAGE` until the end.
 */
export async function aggregateAll<T>(build: () => Pipeline): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += MAX_PAGE) {
    // bounded: one page of a loop that reads to the end
    const res = (await build().sort({ _id: 1 }).skip(skip).limit(MAX_PAGE).end()) as {
      list?: T[]
    }
    const page = res.list ?? []
    out.push(...page)
    if (page.length < MAX_PAGE) return out
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK types transactions loosely
export type Tx = any

/** Writes one wing adds to another wing's transaction (e.g. push intents beside a ticket). */
export type TxWrite = (tx: Tx) => Promise<void>

/** Several wings' writes joined to one transaction, in order. */
export function allWrites(...writes: TxWrite[]): TxWrite {
  return async (tx) => {
    for (const w of writes) await w(tx)
  }
}

/** True when a write lost a race: its transaction kept conflicting, or its id was written first. */
export function lostRace(error: unknown): boolean {
  return (
    (error as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT' || isDuplicateKey(error)
  )
}
