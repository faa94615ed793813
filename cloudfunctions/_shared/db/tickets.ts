// Tickets and their journal: the only code that names these collections.
import type { TicketState } from '../../../types/ticket'
import type { Database } from '../runtime/context'
import { rowsOf } from './rows'

export interface TicketDoc {
  _id: string
  clientKey: string
  reporterId: string
  reporterName: string
  anonymous: boolean
  floorId: string
  buildingId: string
  place: string
  spot: string
  categoryId: string
  categoryName: string
  severity: string
  description: string
  photos: string[]
  afterPhotos: string[]
  status: TicketState
  level: number
  ownerId: string
  ownerName: string
  cycle: number
  version: number
  supporterIds: string[]
  rated: boolean
  rating: number | null
  deadline: Date | null
  departmentId: string | null
  plan: string | null
  resolvedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface EventDoc {
  _id: string
  ticketId: string
  seq: number
  cycle: number
  action: string
  from: TicketState | null
  to: TicketState
  actorId: string
  actorName: string
  at: Date
  note?: string
  photos?: string[]
}

const TICKETS = 'tickets'
const EVENTS = 'ticket_events'
/** The journal's collection name, for maintenance scripts that scan it. */
export const EVENTS_COLLECTION = EVENTS

/** Inserts a new ticket with its first journal event; false when the id already exists. */
export async function insertTicket(
  db: Database,
  ticket: TicketDoc,
  event: EventDoc,
): Promise<boolean> {
  // Both ids are derived from the request, so a retry can only ever collide with itself.
  const [inserted] = await Promise.all([
    (db.collection(TICKETS).add({ data: ticket }) as Promise<unknown>)
      .then(() => true)
      .catch((error: unknown) => {
        if (/E11000|duplicate/i.test(String((error as { errMsg?: string }).errMsg ?? error)))
          return false
        throw error
      }),
    addEvent(db, event),
  ])
  return inserted
}

/** Appends a journal event; its id `${ticketId}:${seq}` makes a retry harmless. */
export async function addEvent(db: Database, event: EventDoc): Promise<void> {
  try {
    await db.collection(EVENTS).add({ data: event })
  } catch (error) {
    if (!/E11000|duplicate/i.test(String((error as { errMsg?: string }).errMsg ?? error)))
      throw error
  }
}

/** A ticket by id, or null. */
export async function getTicket(db: Database, id: string): Promise<TicketDoc | null> {
  return (
    rowsOf<TicketDoc>(await db.collection(TICKETS).where({ _id: id }).limit(1).get())[0] ?? null
  )
}

/** Applies a patch only if the ticket is still at `status` and `version`; true when it won. */
export async function updateTicketIf(
  db: Database,
  id: string,
  status: TicketState,
  version: number,
  patch: Partial<TicketDoc>,
): Promise<boolean> {
  const res = (await db
    .collection(TICKETS)
    .where({ _id: id, status, version })
    .update({ data: patch })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) === 1
}

/** The journal of a ticket, oldest first. */
export async function listEvents(db: Database, ticketId: string): Promise<EventDoc[]> {
  return rowsOf<EventDoc>(
    await db.collection(EVENTS).where({ ticketId }).orderBy('seq', 'asc').limit(200).get(),
  )
}

/** A page position: the sort time and id of the last row seen (ties in time are broken by id). */
export interface PageCursor {
  at: Date
  id: string
}

function after(
  db: Database,
  field: 'createdAt' | 'updatedAt',
  cursor?: PageCursor,
): Record<string, unknown> {
  if (!cursor) return {}
  const _ = db.command
  return { _id: _.neq(cursor.id), [field]: _.lte(cursor.at) }
}

function beyond(
  rows: TicketDoc[],
  field: 'createdAt' | 'updatedAt',
  cursor?: PageCursor,
): TicketDoc[] {
  if (!cursor) return rows
  const at = cursor.at.getTime()
  return rows.filter((t) => new Date(t[field]).getTime() < at || t._id < cursor.id)
}

/** A reporter's tickets, newest first, after `cursor` when given. */
export async function listByReporter(
  db: Database,
  reporterId: string,
  limit: number,
  cursor?: PageCursor,
): Promise<TicketDoc[]> {
  const rows = rowsOf<TicketDoc>(
    await db
      .collection(TICKETS)
      .where({ reporterId, ...after(db, 'createdAt', cursor) })
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 20)
      .get(),
  )
  return beyond(rows, 'createdAt', cursor).slice(0, limit)
}

/** An owner's tickets in some states, most recently changed first, after `cursor` when given. */
export async function listByOwner(
  db: Database,
  ownerId: string,
  states: TicketState[],
  limit: number,
  cursor?: PageCursor,
): Promise<TicketDoc[]> {
  const where = { ownerId, status: db.command.in(states), ...after(db, 'updatedAt', cursor) }
  const rows = rowsOf<TicketDoc>(
    await db
      .collection(TICKETS)
      .where(where)
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(limit + 20)
      .get(),
  )
  return beyond(rows, 'updatedAt', cursor).slice(0, limit)
}

/** How many of an owner's tickets are in each state. */
export async function countByOwner(db: Database, ownerId: string): Promise<Record<string, number>> {
  const $ = db.command.aggregate
  const res = (await db
    .collection(TICKETS)
    .aggregate()
    .match({ ownerId })
    .group({ _id: '$status', n: $.sum(1) })
    .limit(20)
    .end()) as { list: Array<{ _id: string; n: number }> }
  return Object.fromEntries(res.list.map((r) => [r._id, r.n]))
}

/** Open tickets of a floor, newest first. */
export async function listOpenOnFloor(
  db: Database,
  floorId: string,
  states: readonly TicketState[],
): Promise<TicketDoc[]> {
  return rowsOf<TicketDoc>(
    await db
      .collection(TICKETS)
      .where({ floorId, status: db.command.in([...states]) })
      .orderBy('createdAt', 'desc')
      .limit(50)
      .get(),
  )
}

/** Where open deferred work is past its deadline now (floor and building of each, at most 1000). */
export async function listOverdueOpen(
  db: Database,
  now: Date,
  buildingId?: string,
): Promise<Array<{ floorId: string; buildingId: string }>> {
  const rows = rowsOf<{ floorId: string; buildingId: string }>(
    await db
      .collection(TICKETS)
      .where({ status: 'rectifying', deadline: db.command.lt(now) })
      .field({ floorId: true, buildingId: true })
      .limit(1000)
      .get(),
  )
  return buildingId ? rows.filter((r) => r.buildingId === buildingId) : rows
}
