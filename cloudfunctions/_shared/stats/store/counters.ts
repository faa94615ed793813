// Statistics counters: the only code that names the counter collections. Deltas are applied in a
// transaction together with a ledger row keyed by the transition's event id, so a transition is
// counted at most once however often it is retried.
import {
  coverRange,
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
import type { CounterDelta, StatsEvent, StatsTicket } from '../domain/keys'
import type { Database } from '../../runtime/context'
import { rowsOf } from '../../runtime/rows'

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

/**
 * Inside a caller's transaction: applies one transition's deltas to the counter documents and
 * writes its ledger row; false (nothing written) when that event was already counted.
 */
export async function applyCountersInTx(
  tx: Tx,
  row: LedgerRow,
  deltas: CounterDelta[],
): Promise<boolean> {
  const ids = touchedIds(deltas)
  const [seen, days, floors] = await Promise.all([
    txGet(tx.collection(LEDGER).doc(row._id)),
    Promise.all(ids.days.map((id) => txGet(tx.collection(DAYS).doc(id)))),
    Promise.all(ids.floors.map((id) => txGet(tx.collection(OPEN).doc(id)))),
  ])
  if (seen.data) return false
  const set: CounterSet = emptySet()
  days.forEach((r, i) => {
    const doc = r.data as DayCounters | null
    const [day, scope] = ids.days[i].split('|')
    set.days.set(ids.days[i], doc ? { ...emptyDay(day, scope), ...doc } : emptyDay(day, scope))
  })
  floors.forEach((r) => {
    const doc = r.data as OpenCounter | null
    if (doc) set.open.set(doc._id, doc)
  })
  fold(set, deltas)
  const results = await Promise.all([
    tx
      .collection(LEDGER)
      .doc(row._id)
      .set({ data: withoutId(row) }),
    ...[...set.days.values()].map((d) =>
      tx
        .collection(DAYS)
        .doc(d._id)
        .set({ data: withoutId(d) }),
    ),
    ...[...set.open.values()].map((d) =>
      tx
        .collection(OPEN)
        .doc(d._id)
        .set({ data: withoutId(d) }),
    ),
  ])
  const bad = results.find(failed)
  if (bad) throw bad
  return true
}

/**
 * Applies one transition's deltas in a transaction of its own with its ledger row; false when
 * that event was already counted. Conflicts with concurrent transitions are retried here with a
 * short random backoff.
 */
export async function applyCounterDeltas(
  db: Database,
  row: LedgerRow,
  deltas: CounterDelta[],
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const tx = (await (
      db as unknown as { startTransaction(): Promise<Tx> }
    ).startTransaction()) as Tx
    try {
      const applied = await applyCountersInTx(tx, row, deltas)
      if (applied) await tx.commit()
      else await tx.rollback()
      return applied
    } catch (error) {
      await tx.rollback().catch(() => undefined)
      if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error
      await new Promise((r) => setTimeout(r, Math.random() * 15 * attempt))
    }
  }
}

/** The counter documents (whole weeks plus edge days) that cover [from, to] for one scope. */
export async function listRange(
  db: Database,
  scope: Scope,
  from: string,
  to: string,
): Promise<DayCounters[]> {
  const cover = coverRange(from, to)
  const parts = await Promise.all([
    ...(cover.weeks ? [listDays(db, scope, cover.weeks[0], cover.weeks[1])] : []),
    ...cover.days.map(([a, b]) => listDays(db, scope, a, b)),
  ])
  return parts.flat()
}

/** Day (or week) documents of one scope between two keys (inclusive), oldest first. */
export async function listDays(
  db: Database,
  scope: Scope,
  from: string,
  to: string,
): Promise<DayCounters[]> {
  const _ = db.command
  const out: DayCounters[] = []
  // A year is ≤ 366 documents per scope; pages of 1000 keep longer ranges correct.
  for (let skip = 0; ; skip += 1000) {
    const page = rowsOf<DayCounters>(
      await db
        .collection(DAYS)
        .where({ scope, day: _.gte(from).and(_.lte(to)) })
        .orderBy('day', 'asc')
        .skip(skip)
        // bounded: one page of a loop that reads to the end
        .limit(1000)
        .get(),
    )
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** Hazards open now in a building, or in the hospital (null). */
export async function openTotal(db: Database, buildingId: string | null): Promise<number> {
  const rows = rowsOf<OpenCounter>(
    await db
      .collection(OPEN)
      .where({ _id: openTotalId(buildingId) })
      .limit(1)
      .get(),
  )
  return Math.max(0, rows[0]?.open ?? 0)
}

/** Open counters per floor, of one building or of the whole hospital. */
export async function listOpen(db: Database, buildingId?: string): Promise<OpenCounter[]> {
  return (await listOpenDocs(db, buildingId)).filter((o) => o.floorId !== '')
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

/** Replaces every counter document with `set` (the rebuild's repair). */
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
