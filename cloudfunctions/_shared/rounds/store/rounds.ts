// Rounds: the only code that names `inspection_rounds`.
import type { Database } from '../../runtime/context'
import { isDuplicateKey, readAll, rowsOf } from '../../runtime/rows'
import type { RoundDoc } from '../domain/round'
import type { RoundState } from '../../../../types/api/rounds'

const ROUNDS = 'inspection_rounds'

/** Writes a round; false when a round with its id exists (a retried schedule). */
export async function insertRound(db: Database, doc: RoundDoc): Promise<boolean> {
  try {
    await db.collection(ROUNDS).add({ data: doc })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** A round by id, or null. */
export async function getRound(db: Database, id: string): Promise<RoundDoc | null> {
  return rowsOf<RoundDoc>(await db.collection(ROUNDS).where({ _id: id }).limit(1).get())[0] ?? null
}

/** Moves a round from `from` with the patch; false when it was no longer there. */
export async function moveRound(
  db: Database,
  id: string,
  from: RoundState,
  patch: Partial<RoundDoc>,
): Promise<boolean> {
  const res = (await db
    .collection(ROUNDS)
    .where({ _id: id, status: from })
    .update({ data: patch })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) === 1
}

/** Marks a round's reminder queued. */
export async function markReminded(db: Database, id: string, at: Date): Promise<void> {
  await db
    .collection(ROUNDS)
    .where({ _id: id })
    .update({ data: { remindedAt: at } })
}

/** The newest rounds a person leads or joins (by date), at most `limit`. */
export async function listRoundsOf(
  db: Database,
  userId: string,
  limit: number,
  status?: RoundState,
): Promise<RoundDoc[]> {
  const page = (where: object) =>
    db
      .collection(ROUNDS)
      .where({ ...where, ...(status ? { status } : {}) })
      .orderBy('date', 'desc')
      // bounded: one page, the caller asks for at most 50
      .limit(limit)
      .get()
  const [led, joined] = await Promise.all([
    page({ leaderId: userId }),
    page({ participantIds: userId }),
  ])
  const byId = new Map(
    [...rowsOf<RoundDoc>(led), ...rowsOf<RoundDoc>(joined)].map((r) => [r._id, r]),
  )
  return [...byId.values()].sort((a, b) => b.date.localeCompare(a.date)).slice(0, limit)
}

/** The newest rounds of the hospital (by date), at most `limit`. */
export async function listAllRounds(
  db: Database,
  limit: number,
  status?: RoundState,
): Promise<RoundDoc[]> {
  return rowsOf<RoundDoc>(
    await db
      .collection(ROUNDS)
      .where(status ? { status } : {})
      .orderBy('date', 'desc')
      // bounded: one page, the caller asks for at most 50
      .limit(limit)
      .get(),
  )
}

/** A person's rounds not yet done whose date is `today` or before (their 待办). */
export async function listDueOf(db: Database, userId: string, today: string): Promise<RoundDoc[]> {
  const _ = db.command
  // One status at a time: each read then has an equality to be served by (status, date).
  const reads = (['scheduled', 'open'] as const).flatMap((status) => [
    readAll<RoundDoc>(db, ROUNDS, { status, date: _.lte(today), leaderId: userId }),
    readAll<RoundDoc>(db, ROUNDS, { status, date: _.lte(today), participantIds: userId }),
  ])
  const found = (await Promise.all(reads)).flat()
  return [...new Map(found.map((r) => [r._id, r])).values()]
}

/** Scheduled rounds on `date` whose reminder has not gone yet. */
export async function listToRemind(db: Database, date: string): Promise<RoundDoc[]> {
  return readAll<RoundDoc>(db, ROUNDS, { status: 'scheduled', date, remindedAt: null })
}

/** Open rounds that walk a floor. */
export async function listOpenOnFloor(db: Database, floorId: string): Promise<RoundDoc[]> {
  return readAll<RoundDoc>(db, ROUNDS, { status: 'open', floorIds: floorId })
}

/** Rounds finished within [from, to). */
export async function listFinishedBetween(db: Database, from: Date, to: Date): Promise<RoundDoc[]> {
  const _ = db.command
  return readAll<RoundDoc>(db, ROUNDS, {
    status: 'done',
    finishedAt: _.and([_.gte(from), _.lt(to)]),
  })
}
