// The write-path hook: count one transition. Called right after the guarded ticket write wins.
import { applyCounterDeltas } from './store/counters'
import { counterDeltas, type StatsEvent, type StatsTicket } from './domain/keys'
import type { Database } from '../runtime/context'

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

/**
 * Counts the transition that produced `after` (event id `${id}:${version}`) exactly once. A
 * failure is logged, never thrown: the ticket has changed, and `npm run stats:rebuild` repairs.
 */
export async function countTransition(
  db: Database,
  before: StatsTicket | null,
  after: Counted,
  event: StatsEvent,
): Promise<void> {
  const facts = statsFacts(after)
  const prior = before ? statsFacts(before) : null
  try {
    await applyCounterDeltas(
      db,
      {
        _id: `${after._id}:${after.version}`,
        ticketId: after._id,
        seq: after.version,
        action: event.action,
        at: event.at,
        actorId: event.actorId,
        before: prior,
        facts,
      },
      counterDeltas(prior, facts, event),
    )
  } catch (error) {
    console.error('[stats] counting failed; run stats:rebuild', error)
  }
}
