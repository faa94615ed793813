// Frozen bulletins: the only code that names this collection. A bulletin is written once and
// never recomputed; only its exported file id is added later.
import type { Bulletin, BulletinKind } from '../../../../types/api/stats'
import type { Database } from '../../runtime/context'
import { rowsOf, isDuplicateKey } from '../../runtime/rows'
import { DAYS } from './counters'

const BULLETINS = 'bulletins'

/** A bulletin as stored. */
export type BulletinDoc = Omit<Bulletin, 'id' | 'frozenAt'> & {
  _id: string
  frozenAt: Date
  fileID?: string
}

/** A bulletin by id, or null. */
export async function getBulletin(db: Database, id: string): Promise<BulletinDoc | null> {
  return (
    rowsOf<BulletinDoc>(await db.collection(BULLETINS).where({ _id: id }).limit(1).get())[0] ?? null
  )
}

/** Bulletins newest first, of one kind or all. */
export async function listBulletins(
  db: Database,
  kind: BulletinKind | undefined,
  limit: number,
): Promise<BulletinDoc[]> {
  const q = kind ? db.collection(BULLETINS).where({ kind }) : db.collection(BULLETINS)
  // bounded: the newest `limit` (≤ 100, the contract's cap) heads, which is the list the cockpit shows
  return rowsOf<BulletinDoc>(
    await q.field({ summary: false, grid: false }).orderBy('from', 'desc').limit(limit).get(),
  )
}

/** How many bulletins of a kind exist (the next one's number is this plus one). */
export async function countBulletins(db: Database, kind: BulletinKind): Promise<number> {
  const res = (await db.collection(BULLETINS).where({ kind }).count()) as { total: number }
  return res.total
}

/** Stores a bulletin; false when one with that id exists already (a second timer run). */
export async function insertBulletin(db: Database, doc: BulletinDoc): Promise<boolean> {
  try {
    await db.collection(BULLETINS).add({ data: doc })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Records the exported spreadsheet of a bulletin. */
export async function setBulletinFile(db: Database, id: string, fileID: string): Promise<void> {
  await db.collection(BULLETINS).doc(id).update({ data: { fileID } })
}

/** True when any hospital counters exist on or before `day` (the system was in use by then). */
export async function hasCountersUntil(db: Database, day: string): Promise<boolean> {
  const rows = rowsOf(
    await db
      .collection(DAYS)
      .where({ scope: 'all', day: db.command.lte(day) })
      .orderBy('day', 'asc')
      .limit(1)
      .get(),
  )
  return rows.length > 0
}
