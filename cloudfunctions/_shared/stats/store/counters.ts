// Statistics counters: the only code that names the counter collections. The ticket's own
// transaction writes the transition's ledger row as uncounted (`queueCount`); counting applies its
// deltas to one shard of each counter document and marks the row counted in one transaction, so a
// transition is counted exactly once however often, and by whomever, counting is retried.
import {
  coverRange,
  DAY_SECTIONS,
  emptyDay,
  emptySet,
  fold,
  openTotalId,
  touchedIds,
  type CounterSet,
  type DayCounters,
  type OpenCounter,
  type Scope,
} from '../domain/docs'
import { anyShard, mergeDays, mergeOpen, shardId, shardIds } from '../domain/shards'
import type { CounterDelta, DaySection, StatsEvent, StatsTicket } from '../domain/keys'
import type { Database } from '../../runtime/context'
import { readAll, readByIds, rowsOf, type TxWrite } from '../../runtime/rows'

export const DAYS = 'stats_days'
export const OPEN = 'stats_open'
export const LEDGER = 'stats_applied'

/** One counted transition: the journal event it belongs to and the ticket's facts around it. */
export interface LedgerRow {
  _id: string
  ticketId: string
  seq: number
  action: string
  at: Date
  actorId?: string
  /** Null for the report itself. */
  before: StatsTicket | null
  facts: StatsTicket
  /** False from the ticket's transaction until counting applies it (absent: counted long ago). */
  counted?: boolean
}

type TxDoc = {
  get(): Promise<{ data: unknown }>
  set(o: { data: unknown }): Promise<unknown>
}
/** The part of the SDK's transaction the counters use. */
export type Tx = {
  collection(name: string): { doc(id: string): TxDoc }
  commit(): Promise<unknown>
  rollback(): Promise<unknown>
}

const MAX_ATTEMPTS = 12

function failed(res: unknown): boolean {
  return Boolean(
    res && typeof res === 'object' && 'code' in res && (res as { code?: unknown }).code,
  )
}

function isConflict(error: unknown): boolean {
  return /TRANSACTION_CONFLICT/.test(
    String((error as { code?: string })?.code ?? (error as Error)?.message ?? error),
  )
}

/** A document read inside a transaction; the SDK fails a missing one, which here means null. */
async function txGet(doc: TxDoc): Promise<{ data: unknown }> {
  try {
    return await doc.get()
  } catch (error) {
    if (/does not exist|not exist/i.test(String((error as { errMsg?: string }).errMsg ?? error)))
      return { data: null }
    throw error
  }
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc
  return rest
}

/** Joins the ticket's transaction: the transition's ledger row, not counted yet. */
export function queueCount(row: LedgerRow): TxWrite {
  return async (tx) => {
    await tx.collection(LEDGER).add({ data: { ...row, counted: false } })
  }
}

/**
 * Inside a caller's transaction: applies one transition's deltas to shard `shard` of the counter
 * documents and marks its ledger row counted; false (nothing written) when it already was.
 */
export async function applyCountersInTx(
  tx: Tx,
  row: LedgerRow,
  deltas: CounterDelta[],
  shard = 0,
): Promise<boolean> {
  const ids = touchedIds(deltas)
  const [seen, days, floors] = await Promise.all([
    txGet(tx.collection(LEDGER).doc(row._id)),
    Promise.all(ids.days.map((id) => txGet(tx.collection(DAYS).doc(shardId(id, shard))))),
    Promise.all(ids.floors.map((id) => txGet(tx.collection(OPEN).doc(shardId(id, shard))))),
  ])
  const stored = seen.data as LedgerRow | null
  if (stored && stored.counted !== false) return false
  const set: CounterSet = emptySet()
  days.forEach((r, i) => {
    const doc = r.data as DayCounters | null
    const [day, scope] = ids.days[i].split('|')
    const empty = emptyDay(day, scope)
    set.days.set(ids.days[i], doc ? { ...empty, ...doc, _id: empty._id } : empty)
  })
  floors.forEach((r, i) => {
    const doc = r.data as OpenCounter | null
    if (doc) set.open.set(ids.floors[i], { ...doc, _id: ids.floors[i] })
  })
  fold(set, deltas)
  const results = await Promise.all([
    tx
      .collection(LEDGER)
      .doc(row._id)
      .set({ data: { ...withoutId(row), counted: true } }),
    ...[...set.days.values()].map((d) =>
      tx
        .collection(DAYS)
        .doc(shardId(d._id, shard))
        .set({ data: withoutId(d) }),
    ),
    ...[...set.open.values()].map((d) =>
      tx
        .collection(OPEN)
        .doc(shardId(d._id, shard))
        .set({ data: withoutId(d) }),
    ),
  ])
  const bad = results.find(failed)
  if (bad) throw bad
  return true
}

/**
 * Applies one transition's deltas in a transaction of its own and marks its ledger row counted;
 * false when it already was. A conflict is retried on another shard after a short random backoff,
 * `attempts` times in all; then the conflict is thrown (the row stays uncounted for the catch-up).
 */
export async function applyCounterDeltas(
  db: Database,
  row: LedgerRow,
  deltas: CounterDelta[],
  attempts = MAX_ATTEMPTS,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const tx = (await (
      db as unknown as { startTransaction(): Promise<Tx> }
    ).startTransaction()) as Tx
    try {
      const applied = await applyCountersInTx(tx, row, deltas, anyShard())
      if (applied) await tx.commit()
      else await tx.rollback()
      return applied
    } catch (error) {
      await tx.rollback().catch(() => undefined)
      if (!isConflict(error) || attempt >= attempts) throw error
      await new Promise((r) => setTimeout(r, Math.random() * 15 * attempt))
    }
  }
}

/** Ledger rows not counted yet, in `_id` order after `after`: at most `limit`, the caller pages on. */
export async function listUncounted(
  db: Database,
  limit: number,
  after?: string,
): Promise<LedgerRow[]> {
  const where = after ? { counted: false, _id: db.command.gt(after) } : { counted: false }
  return rowsOf<LedgerRow>(
    await db
      .collection(LEDGER)
      .where(where)
      .orderBy('_id', 'asc')
      // bounded: one page; the catch-up pages on after the last id it saw
      .limit(limit)
      .get(),
  )
}

/** One ticket's transitions not counted yet (ledger ids are `${ticketId}:${seq}`), in order. */
export async function listUncountedOf(db: Database, ticketId: string): Promise<LedgerRow[]> {
  const _ = db.command
  const rows = await readAll<LedgerRow>(db, LEDGER, {
    counted: false,
    _id: _.gt(`${ticketId}:`).and(_.lt(`${ticketId};`)),
  })
  return rows.sort((a, b) => a.seq - b.seq)
}

/**
 * The counter documents (whole weeks plus edge days) that cover [from, to] for one scope, with only
 * the `sections` asked for (the others come back empty): a reader that needs a few of them never
 * carries the rest, whose size grows with the hospital's people.
 */
export async function listRange(
  db: Database,
  scope: Scope,
  from: string,
  to: string,
  sections: readonly DaySection[] = DAY_SECTIONS,
): Promise<DayCounters[]> {
  const cover = coverRange(from, to)
  const parts = await Promise.all([
    ...(cover.weeks ? [listDays(db, scope, cover.weeks[0], cover.weeks[1], sections)] : []),
    ...cover.days.map(([a, b]) => listDays(db, scope, a, b, sections)),
  ])
  return parts.flat()
}

/** Day (or week) counters of one scope between two keys (inclusive), oldest first, shards summed. */
export async function listDays(
  db: Database,
  scope: Scope,
  from: string,
  to: string,
  sections: readonly DaySection[] = DAY_SECTIONS,
): Promise<DayCounters[]> {
  const _ = db.command
  const out: DayCounters[] = []
  const fields = Object.fromEntries(['day', 'scope', ...sections].map((f) => [f, true]))
  // A year is ≤ 366 documents per scope; pages of 1000 keep longer ranges correct.
  for (let skip = 0; ; skip += 1000) {
    const page = rowsOf<DayCounters>(
      await db
        .collection(DAYS)
        .where({ scope, day: _.gte(from).and(_.lte(to)) })
        .field(fields)
        .orderBy('day', 'asc')
        .skip(skip)
        // bounded: one page of a loop that reads to the end
        .limit(1000)
        .get(),
    )
    out.push(...page)
    if (page.length < 1000) return mergeDays(out)
  }
}

/** Hazards open now in a building, or in the hospital (null). */
export async function openTotal(db: Database, buildingId: string | null): Promise<number> {
  const shards = await readByIds<OpenCounter>(db, OPEN, shardIds(openTotalId(buildingId)))
  return Math.max(
    0,
    shards.reduce((n, s) => n + (s.open ?? 0), 0),
  )
}

/** Open counters per floor, of one building or of the whole hospital, shards summed. */
export async function listOpen(db: Database, buildingId?: string): Promise<OpenCounter[]> {
  return mergeOpen(await listOpenDocs(db, buildingId)).filter((o) => o.floorId !== '')
}

async function listOpenDocs(db: Database, buildingId?: string): Promise<OpenCounter[]> {
  const out: OpenCounter[] = []
  for (let skip = 0; ; skip += 1000) {
    const q = buildingId ? db.collection(OPEN).where({ buildingId }) : db.collection(OPEN)
    // bounded: one page of a loop that reads to the end
    const page = rowsOf<OpenCounter>(await q.skip(skip).limit(1000).get())
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** Every document of a collection in `_id` order, page by page (maintenance scripts only). */
export async function* scanAll<T extends { _id: string }>(
  db: Database,
  collection: string,
  pageSize = 1000,
): AsyncGenerator<T[]> {
  let last: string | undefined
  for (;;) {
    const q = last
      ? db.collection(collection).where({ _id: db.command.gt(last) })
      : db.collection(collection)
    // bounded: one page of a loop that reads to the end
    const page = rowsOf<T>(await q.orderBy('_id', 'asc').limit(pageSize).get())
    if (page.length === 0) return
    yield page
    last = page[page.length - 1]._id
    if (page.length < pageSize) return
  }
}

/** Replaces every counter document and shard with `set`, one piece each (the rebuild's repair). */
export async function replaceCounters(db: Database, set: CounterSet): Promise<void> {
  for (const coll of [DAYS, OPEN]) {
    for await (const page of scanAll<{ _id: string }>(db, coll)) {
      const keep = coll === DAYS ? set.days : set.open
      await Promise.all(
        page.filter((d) => !keep.has(d._id)).map((d) => db.collection(coll).doc(d._id).remove()),
      )
    }
  }
  const all: Array<[string, { _id: string }]> = [
    ...[...set.days.values()].map((d) => [DAYS, d] as [string, { _id: string }]),
    ...[...set.open.values()].map((d) => [OPEN, d] as [string, { _id: string }]),
  ]
  for (let i = 0; i < all.length; i += 50)
    await Promise.all(
      all.slice(i, i + 50).map(([c, d]) =>
        db
          .collection(c)
          .doc(d._id)
          .set({ data: withoutId(d) }),
      ),
    )
}

export type { StatsEvent }
