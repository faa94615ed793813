// The write path's counting: the ticket's transaction records the transition as uncounted
// (`recordForCounting`), then `countTransition` (a sweep) or `countTicket` (a person's follow-up
// call) counts it; whatever that leaves (a crash, a client that never followed, conflicts past the
// retries) the per-minute catch-up counts.
import { applyCounterDeltas, listUncountedOf, queueCount, type LedgerRow } from './store/counters'
import { counterDeltas, type StatsEvent, type StatsTicket } from './domain/keys'
import type { Database } from '../runtime/context'
import type { TxWrite } from '../runtime/rows'

type Counted = StatsTicket & { _id: string; version: number }

/** The facts of a ticket that counting keeps, dates as Dates. */
export function statsFacts(t: StatsTicket): StatsTicket {
  return {
    buildingId: t.buildingId,
    floorId: t.floorId,
    categoryId: t.categoryId,
    status: t.status,
    cycle: t.cycle,
    reporterId: t.reporterId,
    anonymous: t.anonymous,
    rating: t.rating ?? null,
    deadline: t.deadline ? new Date(t.deadline) : null,
    createdAt: new Date(t.createdAt),
    overdue: Boolean(t.overdue),
  }
}

/** One transition to count: the transition that produced `after` (event id `${id}:${version}`). */
export interface Countable {
  row: LedgerRow
  /** Joins the ticket's transaction: the transition recorded as not counted yet. */
  record: TxWrite
}

/** What the ticket's transaction writes so that the transition producing `after` gets counted. */
export function recordForCounting(
  before: StatsTicket | null,
  after: Counted,
  event: StatsEvent,
): Countable {
  const row: LedgerRow = {
    _id: `${after._id}:${after.version}`,
    ticketId: after._id,
    seq: after.version,
    action: event.action,
    at: event.at,
    ...(event.actorId ? { actorId: event.actorId } : {}),
    before: before ? statsFacts(before) : null,
    facts: statsFacts(after),
  }
  return { row, record: queueCount(row) }
}

/** Counts one recorded transition unless it already was; false when it was. */
export async function countRow(db: Database, row: LedgerRow, attempts?: number): Promise<boolean> {
  const event = { action: row.action, at: new Date(row.at), actorId: row.actorId }
  return applyCounterDeltas(db, row, counterDeltas(row.before, row.facts, event), attempts)
}

/**
 * Counts a transition its ticket's transaction has just recorded. A failure is logged, never
 * thrown: the ticket has changed, and the catch-up counts it within a minute.
 */
export async function countTransition(db: Database, c: Countable): Promise<void> {
  try {
    await countRow(db, c.row)
  } catch (error) {
    console.warn('[stats] counting deferred to the catch-up', c.row._id, error)
  }
}

/** Counts whatever one ticket's transactions recorded and nobody counted yet. Never throws. */
export async function countTicket(db: Database, ticketId: string): Promise<void> {
  try {
    for (const row of await listUncountedOf(db, ticketId)) await countRow(db, row)
  } catch (error) {
    console.warn('[stats] counting deferred to the catch-up', ticketId, error)
  }
}
