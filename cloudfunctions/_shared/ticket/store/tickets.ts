// Tickets and their journal: the only code that names these collections.
import { OPEN_STATES, type TicketState } from '../../../../types/ticket'
import type { Database } from '../../runtime/context'
import {
  docOf,
  rowsOf,
  lostRace,
  type Tx,
  type TxWrite,
  aggregateAll,
  readAll,
  readByIds,
} from '../../runtime/rows'
import type { EventDoc, TicketDoc } from '../domain/ticket'

export type { TicketDoc, EventDoc }

/** A document read inside a transaction, or null when it does not exist (the SDK throws then). */
async function txGet<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  try {
    return docOf<T>(await tx.collection(collection).doc(id).get())
  } catch (error) {
    if (/does not exist/.test(String((error as { errMsg?: string }).errMsg ?? error))) return null
    throw error
  }
}

/** The collections this store owns; lists.ts and limits.ts read them by these names. */
export const TICKETS = 'tickets'
export const EVENTS = 'ticket_events'
/** The journal's collection name, for maintenance scripts that scan it. */
export const EVENTS_COLLECTION = EVENTS

/**
 * Inserts a new ticket with its first event and what goes with it (its push intents), all or
 * nothing; false when it exists.
 */
export async function insertTicket(
  db: Database,
  ticket: TicketDoc,
  event: EventDoc,
  alsoWrite: TxWrite,
): Promise<boolean> {
  // Every id derives from the request, so a retry can only ever meet itself: an existing ticket
  // fails the first insert (a duplicate id), which aborts the whole transaction.
  try {
    return (await db.runTransaction(async (tx: Tx) => {
      await tx.collection(TICKETS).add({ data: ticket })
      await tx.collection(EVENTS).add({ data: event })
      await alsoWrite(tx)
      return true
    })) as boolean
  } catch (error) {
    // A twin request (same reporter and key) racing this one: whichever committed, it is this ticket.
    if (lostRace(error)) return false
    throw error
  }
}

/** What one transition writes besides the ticket's patch. */
export interface TransitionWrite {
  event: EventDoc
  /** What else the transition writes in the same transaction (its push intents). */
  alsoWrite: TxWrite
  /** duplicate: the original gains this ticket and its people's +1s. */
  link?: { originalId: string; duplicateId: string; supporterIds: string[] }
}

/**
 * Applies a transition all or nothing, guarded by the ticket's version: the patch, its
 * journal event, its push intents (and the duplicate's link). False when someone else won.
 */
export async function commitTransition(
  db: Database,
  id: string,
  guard: { version: number },
  patch: Partial<TicketDoc>,
  write: TransitionWrite,
): Promise<boolean> {
  if (write.event._id !== `${id}:${guard.version + 1}`)
    throw new Error(`a transition from version ${guard.version} writes event ${write.event._id}`)
  try {
    return (await db.runTransaction(async (tx: Tx) => {
      // The guard is the journal: each version's event has the id `ticket:version`, so a ticket
      // that moved past `guard.version` already holds this event's id and the insert fails (a
      // duplicate id, or a conflict with a racing transaction), aborting everything.
      await tx.collection(EVENTS).add({ data: write.event })
      await tx.collection(TICKETS).doc(id).update({ data: patch })
      await write.alsoWrite(tx)
      if (write.link) {
        const original = await txGet<TicketDoc>(tx, TICKETS, write.link.originalId)
        if (original) {
          const supporters = new Set(original.supporterIds)
          for (const s of write.link.supporterIds) if (s !== original.reporterId) supporters.add(s)
          await tx
            .collection(TICKETS)
            .doc(original._id)
            .update({
              data: {
                duplicateIds: [
                  ...new Set([...(original.duplicateIds ?? []), write.link.duplicateId]),
                ],
                supporterIds: [...supporters],
              },
            })
        }
      }
      return true
    })) as boolean
  } catch (error) {
    // Racing transitions that keep colliding after the SDK's own retries, or that find their
    // event id (ticket:seq) already written by the winner, lost the race.
    if (lostRace(error)) return false
    throw error
  }
}

/** A ticket by id, or null. */
export async function getTicket(db: Database, id: string): Promise<TicketDoc | null> {
  return (
    rowsOf<TicketDoc>(await db.collection(TICKETS).where({ _id: id }).limit(1).get())[0] ?? null
  )
}

/** Tickets by id (any order). */
export async function getTicketsByIds(db: Database, ids: string[]): Promise<TicketDoc[]> {
  return readByIds<TicketDoc>(db, TICKETS, ids)
}

/** Every 重大 hazard, in the given states (all states when none are given), oldest first. */
export async function listMajor(
  db: Database,
  states?: readonly TicketState[],
): Promise<TicketDoc[]> {
  const where = states ? { grade: 'major', status: db.command.in([...states]) } : { grade: 'major' }
  const rows = await readAll<TicketDoc>(db, TICKETS, where)
  return rows.sort(
    (a, b) =>
      new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || (a._id < b._id ? -1 : 1),
  )
}

/** Journal events whose photos still wait for their screening, oldest first. */
export async function listUnscreened(db: Database, limit: number): Promise<EventDoc[]> {
  return rowsOf<EventDoc>(
    await db
      .collection(EVENTS)
      .where({ unscreened: true })
      .orderBy('at', 'asc')
      // bounded: one sweep screens the oldest `limit`; the rest wait for the next minute
      .limit(limit)
      .get(),
  )
}

/** Records that an event's photos were screened (idempotent). */
export async function markScreened(db: Database, eventId: string): Promise<void> {
  await db
    .collection(EVENTS)
    .where({ _id: eventId, unscreened: true })
    .update({ data: { unscreened: false } })
}

/** The journal of a ticket, oldest first. */
export async function listEvents(db: Database, ticketId: string): Promise<EventDoc[]> {
  const rows = await readAll<EventDoc & { _id: string }>(db, EVENTS, { ticketId })
  return rows.sort((a, b) => a.seq - b.seq)
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
      // bounded: one page; the caller pages on with the cursor
      .limit(limit + 20)
      .get(),
  )
  return beyond(rows, 'createdAt', cursor).slice(0, limit)
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
      // bounded: the newest 50 open on one floor, what the report page and the duplicate picker show
      .limit(50)
      .get(),
  )
}

/** Open tickets whose current step is due at `now`, earliest first, after a position. */
export async function listDue(
  db: Database,
  now: Date,
  limit: number,
  opts: {
    /** Only tickets matching one of these stored values. */
    anyOf?: ReadonlyArray<Record<string, unknown>>
    step?: string
    after?: { dueAt: Date; id: string }
  } = {},
): Promise<TicketDoc[]> {
  const _ = db.command
  const due = opts.after ? _.and([_.gte(opts.after.dueAt), _.lte(now)]) : _.lte(now)
  const where: Record<string, unknown> = opts.anyOf
    ? (_.or(opts.anyOf.map((m) => ({ ...m, dueAt: due }))) as unknown as Record<string, unknown>)
    : opts.step
      ? { dueStep: opts.step, dueAt: due }
      : { dueAt: due }
  const rows = rowsOf<TicketDoc>(
    await db
      .collection(TICKETS)
      .where(where)
      .orderBy('dueAt', 'asc')
      .orderBy('_id', 'asc')
      // bounded: one batch; the sweep goes on after the last one it saw
      .limit(limit + 20)
      .get(),
  )
  const after = opts.after
  return (
    after
      ? rows.filter(
          (t) =>
            new Date(t.dueAt!).getTime() > after.dueAt.getTime() ||
            (new Date(t.dueAt!).getTime() === after.dueAt.getTime() && t._id > after.id),
        )
      : rows
  ).slice(0, limit)
}

/** A building's tickets changed since `since`, all of them, newest first. */
export async function listBuildingUpdatedSince(
  db: Database,
  buildingId: string,
  since: Date,
): Promise<TicketDoc[]> {
  const rows = await readAll<TicketDoc>(db, TICKETS, {
    buildingId,
    updatedAt: db.command.gte(since),
  })
  return rows.sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime())
}

/** A building's open tickets, all of them. */
export async function listBuildingOpen(db: Database, buildingId: string): Promise<TicketDoc[]> {
  return readAll<TicketDoc>(db, TICKETS, { buildingId, status: db.command.in([...OPEN_STATES]) })
}

/** Open tickets per owner, across the hospital. */
export async function openOwnedCounts(db: Database): Promise<Record<string, number>> {
  const $ = db.command.aggregate
  const list = await aggregateAll<{ _id: string; n: number }>(() =>
    db
      .collection(TICKETS)
      .aggregate()
      .match({ status: db.command.in([...OPEN_STATES]) })
      .group({ _id: '$ownerId', n: $.sum(1) }),
  )
  return Object.fromEntries(list.map((r) => [r._id, r.n]))
}

/** Open tickets per floor across the hospital, with each floor's building. */
export async function openCountsByFloor(
  db: Database,
): Promise<Array<{ floorId: string; buildingId: string; n: number }>> {
  const $ = db.command.aggregate
  const list = await aggregateAll<{ _id: string; buildingId: string; n: number }>(() =>
    db
      .collection(TICKETS)
      .aggregate()
      .match({ status: db.command.in([...OPEN_STATES]) })
      .group({ _id: '$floorId', buildingId: $.first('$buildingId'), n: $.sum(1) }),
  )
  return list.map((r) => ({ floorId: r._id, buildingId: r.buildingId, n: r.n }))
}

/** Where open deferred work is past its deadline now (floor and building of each). */
export async function listOverdueOpen(
  db: Database,
  now: Date,
  buildingId?: string,
): Promise<Array<{ floorId: string; buildingId: string }>> {
  const rows = await readAll<{ _id: string; floorId: string; buildingId: string }>(
    db,
    TICKETS,
    { status: 'rectifying', deadline: db.command.lt(now) },
    { field: { floorId: true, buildingId: true } },
  )
  return buildingId ? rows.filter((r) => r.buildingId === buildingId) : rows
}
