// The role-aware work lists over tickets: keyset pages through declared indexes, and the counts
// that go with them, over the collection tickets.ts names.
import { OPEN_STATES, type TicketState } from '../../../../types/ticket'
import type { Database } from '../../runtime/context'
import { rowsOf, aggregateAll } from '../../runtime/rows'
import { TICKETS, type PageCursor, type TicketDoc } from './tickets'

/** States in which work is finished (立行立改·已办结, 已销号, 无需处理, 重复). */
export const DONE_STATES: readonly TicketState[] = ['fixed', 'closed', 'rejected', 'duplicate']

export type Where = Record<string, unknown>

export interface SortBy {
  field: 'createdAt' | 'updatedAt'
  dir: 'asc' | 'desc'
}

/** The condition "strictly after the cursor" in the page order (time, then id). */
function afterCursor(db: Database, sort: SortBy, cursor: PageCursor): Where {
  const _ = db.command
  const beyond = sort.dir === 'desc' ? _.lt : _.gt
  return _.or([
    { [sort.field]: beyond.call(_, cursor.at) },
    { [sort.field]: cursor.at, _id: beyond.call(_, cursor.id) },
  ]) as unknown as Where
}

function combine(db: Database, parts: Where[]): Where {
  const present = parts.filter((p) => Object.keys(p).length > 0)
  if (present.length === 0) return {}
  if (present.length === 1) return present[0]
  return db.command.and(present as never[]) as unknown as Where
}

/** One page of tickets matching `where`, in (time, id) order, strictly after `cursor`. */
export async function pageTickets(
  db: Database,
  where: Where[],
  sort: SortBy,
  limit: number,
  cursor?: PageCursor,
): Promise<TicketDoc[]> {
  const query = combine(db, cursor ? [...where, afterCursor(db, sort, cursor)] : where)
  return rowsOf<TicketDoc>(
    await db
      .collection(TICKETS)
      .where(query)
      .orderBy(sort.field, sort.dir)
      .orderBy('_id', sort.dir)
      // bounded: one keyset page; the caller pages on with the cursor
      .limit(limit)
      .get(),
  )
}

/**
 * How many tickets match `where`. Counted in the list's own order so the same index that pages the
 * list serves the count (a bare count of a `status $in` or a date range has no index prefix).
 */
export async function countTickets(db: Database, where: Where[], sort: SortBy): Promise<number> {
  const res = (await db
    .collection(TICKETS)
    .aggregate()
    .match(combine(db, where))
    .sort({ [sort.field]: sort.dir === 'desc' ? -1 : 1, _id: sort.dir === 'desc' ? -1 : 1 })
    .count('n')
    .end()) as { list: Array<{ n: number }> }
  return res.list[0]?.n ?? 0
}

/**
 * One page of the tickets on some floors in some states, in (time, id) order, strictly after
 * `cursor`: a page per floor through its index, merged (a captain holds a floor or a few).
 */
export async function pageOnFloors(
  db: Database,
  floorIds: readonly string[],
  states: readonly TicketState[],
  sort: SortBy,
  limit: number,
  cursor?: PageCursor,
): Promise<TicketDoc[]> {
  const pages = await Promise.all(
    floorIds.map((floorId) =>
      pageTickets(db, [{ floorId, status: db.command.in([...states]) }], sort, limit, cursor),
    ),
  )
  const sign = sort.dir === 'desc' ? -1 : 1
  const key = (t: TicketDoc) => new Date(t[sort.field]).getTime()
  return pages
    .flat()
    .sort((a, b) => sign * (key(a) - key(b) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)))
    .slice(0, limit)
}

/** How many tickets of some floors are in each state. */
export async function countOnFloors(
  db: Database,
  floorIds: readonly string[],
): Promise<Record<string, number>> {
  const $ = db.command.aggregate
  const perFloor = await Promise.all(
    floorIds.map((floorId) =>
      aggregateAll<{ _id: string; n: number }>(() =>
        db
          .collection(TICKETS)
          .aggregate()
          .match({ floorId })
          .group({ _id: '$status', n: $.sum(1) }),
      ),
    ),
  )
  const counts: Record<string, number> = {}
  for (const r of perFloor.flat()) counts[r._id] = (counts[r._id] ?? 0) + r.n
  return counts
}

/** Open tickets of a building per floor. */
export async function countOpenByFloor(
  db: Database,
  buildingId: string,
): Promise<Record<string, number>> {
  const $ = db.command.aggregate
  const list = await aggregateAll<{ _id: string; n: number }>(() =>
    db
      .collection(TICKETS)
      .aggregate()
      .match({ buildingId, status: db.command.in([...OPEN_STATES]) })
      .group({ _id: '$floorId', n: $.sum(1) }),
  )
  return Object.fromEntries(list.map((r) => [r._id, r.n]))
}

/** Open and past due: the SLA marked it overdue or its due time passed, or a 限期整改 deadline passed. */
export function overdueWhere(db: Database, now: Date): Where[] {
  const _ = db.command
  return [
    { status: _.in([...OPEN_STATES]) },
    _.or([
      { overdue: true },
      { dueAt: _.lt(now) },
      { status: 'rectifying', deadline: _.lt(now) },
    ]) as unknown as Where,
  ]
}

/** A case-insensitive search for literal words in the text fields a person would search. */
export function searchWhere(db: Database, q: string): Where {
  const regexp = q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const re = db.RegExp({ regexp, options: 'i' })
  return db.command.or(
    ['description', 'place', 'spot', 'categoryName'].map((f) => ({ [f]: re })),
  ) as unknown as Where
}
