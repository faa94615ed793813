// `stats:rebuild`: recount every counter from the ledger's counted transitions in journal order,
// cross-check the ledger against the ticket journal, and diff the recount with the live counters
// (their shards summed).
import { DAYS, LEDGER, OPEN, replaceCounters, scanAll, type LedgerRow } from './store/counters'
import { EVENTS_COLLECTION } from '../ticket/store/tickets'
import {
  DAY_SECTIONS,
  emptySet,
  fold,
  normalizeDay,
  type CounterSet,
  type DayCounters,
  type OpenCounter,
} from './domain/docs'
import { counterDeltas, type StatsTicket } from './domain/keys'
import { mergeDays, mergeOpen } from './domain/shards'
import type { Database } from '../runtime/context'

/** One counter whose live value differs from the recount. */
export interface CounterDiff {
  doc: string
  field: string
  live: number
  recount: number
}

export interface RebuildReport {
  /** Counted transitions. */
  transitions: number
  /**
   * Journal events not counted yet: recorded and waiting for counting or its catch-up, or (data
   * older than that record) never recorded at all.
   */
  uncounted: string[]
  /** Counted transitions with no journal event. */
  unjournaled: string[]
  /**
   * Counted transitions whose ticket had changed since the previous counted one: something changed
   * it without being counted (the function stopped between its write and its count).
   */
  gaps: string[]
  diffs: CounterDiff[]
  repaired: boolean
}

const same = (a: StatsTicket | null, b: StatsTicket | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b)

/** Whether a ledger row's deltas are in the live counters (rows from before the flag always are). */
const isCounted = (r: LedgerRow): boolean => r.counted !== false

// Each counted transition is recounted from its own before/after facts, so one missing count
// cannot skew the others; a break in the chain of facts is reported as a gap.
function foldTicket(set: CounterSet, rows: LedgerRow[], gaps: string[]): void {
  rows.sort((a, b) => a.seq - b.seq)
  let prev: StatsTicket | null = null
  for (const r of rows) {
    if (isCounted(r))
      fold(
        set,
        counterDeltas(r.before, r.facts, {
          action: r.action,
          at: new Date(r.at),
          actorId: r.actorId,
        }),
      )
    if (prev && !same(prev, r.before)) gaps.push(r._id)
    prev = r.facts
  }
}

/** Recounts from the ledger; the ids of its counted rows and of all its rows come back. */
export async function recount(
  db: Database,
): Promise<{ set: CounterSet; ids: Set<string>; recorded: Set<string>; gaps: string[] }> {
  const set = emptySet()
  const ids = new Set<string>()
  const recorded = new Set<string>()
  const gaps: string[] = []
  let group: LedgerRow[] = []
  for await (const page of scanAll<LedgerRow>(db, LEDGER)) {
    for (const r of page) {
      recorded.add(r._id)
      if (isCounted(r)) ids.add(r._id)
      if (group.length > 0 && group[0].ticketId !== r.ticketId) {
        foldTicket(set, group, gaps)
        group = []
      }
      group.push(r)
    }
  }
  if (group.length > 0) foldTicket(set, group, gaps)
  return { set, ids, recorded, gaps }
}

/** Every live counter, its shards summed. */
export async function liveCounters(db: Database): Promise<CounterSet> {
  const days: DayCounters[] = []
  const open: OpenCounter[] = []
  for await (const page of scanAll<DayCounters>(db, DAYS)) days.push(...page.map(normalizeDay))
  for await (const page of scanAll<OpenCounter>(db, OPEN)) open.push(...page)
  const set = emptySet()
  for (const d of mergeDays(days)) set.days.set(d._id, d)
  for (const d of mergeOpen(open)) set.open.set(d._id, d)
  return set
}

/** The counters that differ between two sets (zeros and missing documents are the same). */
export function diffCounters(live: CounterSet, want: CounterSet): CounterDiff[] {
  const out: CounterDiff[] = []
  for (const id of new Set([...live.days.keys(), ...want.days.keys()])) {
    const a = live.days.get(id)
    const b = want.days.get(id)
    for (const s of DAY_SECTIONS) {
      const keys = new Set([...Object.keys(a?.[s] ?? {}), ...Object.keys(b?.[s] ?? {})])
      for (const k of keys) {
        const x = a?.[s][k] ?? 0
        const y = b?.[s][k] ?? 0
        if (x !== y) out.push({ doc: `${DAYS}/${id}`, field: `${s}.${k}`, live: x, recount: y })
      }
    }
  }
  for (const id of new Set([...live.open.keys(), ...want.open.keys()])) {
    const x = live.open.get(id)?.open ?? 0
    const y = want.open.get(id)?.open ?? 0
    if (x !== y) out.push({ doc: `${OPEN}/${id}`, field: 'open', live: x, recount: y })
  }
  return out
}

/** Recounts, reports every difference, and with `repair` overwrites the live counters. */
export async function rebuildCounters(db: Database, repair = false): Promise<RebuildReport> {
  const { set, ids, recorded, gaps } = await recount(db)
  const journal = new Set<string>()
  for await (const page of scanAll<{ _id: string }>(db, EVENTS_COLLECTION))
    for (const e of page) journal.add(e._id)
  const diffs = diffCounters(await liveCounters(db), set)
  if (repair && diffs.length > 0) await replaceCounters(db, set)
  return {
    transitions: ids.size,
    uncounted: [...journal].filter((id) => !ids.has(id)),
    unjournaled: [...recorded].filter((id) => !journal.has(id)),
    gaps,
    diffs,
    repaired: repair && diffs.length > 0,
  }
}
